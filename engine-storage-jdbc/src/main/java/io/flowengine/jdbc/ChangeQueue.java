package io.flowengine.jdbc;

import io.flowengine.spi.FlowRecord;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The bounded queue of a {@link GroupCommit}: callers add changes and wait while it is full
 * (back-pressure: nothing is dropped), the writer takes everything queued at once. It also links a
 * change to the pending change of the same flow whose record it expects ({@link
 * PendingChange#dependsOn}), remembering for each flow the last change queued until it is written
 * (or, if it was not, until another change of the flow replaces it). Thread-safe; one lock, held
 * for a few field updates.
 */
final class ChangeQueue {
  private final int capacity;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notFull = lock.newCondition();
  private final Condition notEmpty = lock.newCondition();
  private final ArrayDeque<PendingChange> queue = new ArrayDeque<>(); // guarded by lock
  private final Map<String, PendingChange> tails = new HashMap<>(); // guarded by lock
  private boolean closed; // guarded by lock

  ChangeQueue(int capacity) {
    this.capacity = capacity;
  }

  /**
   * Adds a change, waiting while the queue is full (uninterruptibly: an interrupt is kept for the
   * caller, and the change is not lost half-way).
   *
   * @throws IllegalStateException if the queue was closed
   */
  void add(PendingChange change) {
    boolean interrupted = false;
    lock.lock();
    try {
      while (!closed && queue.size() >= capacity) {
        try {
          notFull.await();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (closed) {
        throw new IllegalStateException("the storage is closed");
      }
      if (change.flowId != null) {
        PendingChange tail = tails.get(change.flowId);
        // Identity, not equality: the change must expect exactly the record the tail writes.
        if (tail != null && tail.record != null && sameRecord(tail.record, change.expected)) {
          change.dependsOn = tail;
        }
        tails.put(change.flowId, change);
      }
      queue.addLast(change);
      if (queue.size() == 1) {
        notEmpty.signal();
      }
    } finally {
      lock.unlock();
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Takes up to {@code max} queued changes, waiting up to {@code timeoutNanos} for the first.
   *
   * @return the changes, empty if none came or the queue is closed and empty
   */
  List<PendingChange> take(int max, long timeoutNanos) throws InterruptedException {
    lock.lock();
    try {
      long wait = timeoutNanos;
      while (queue.isEmpty() && !closed && wait > 0) {
        wait = notEmpty.awaitNanos(wait);
      }
      int n = Math.min(max, queue.size());
      List<PendingChange> batch = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        batch.add(queue.pollFirst());
      }
      if (n > 0) {
        notFull.signalAll();
      }
      return batch;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Forgets the decided changes that are still their flow's last one, unless a later change could
   * still be queued against a record they did not write (an insert or update that failed).
   */
  void decided(List<PendingChange> batch) {
    lock.lock();
    try {
      for (PendingChange change : batch) {
        if (change.flowId != null
            && (Boolean.TRUE.equals(change.succeeded) || change.kind == PendingChange.Kind.DELETE)
            && tails.get(change.flowId) == change) {
          tails.remove(change.flowId);
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** Refuses new changes; the writer still takes the queued ones. */
  void close() {
    lock.lock();
    try {
      closed = true;
      notEmpty.signalAll();
      notFull.signalAll();
    } finally {
      lock.unlock();
    }
  }

  boolean isClosedAndEmpty() {
    lock.lock();
    try {
      return closed && queue.isEmpty();
    } finally {
      lock.unlock();
    }
  }

  int size() {
    lock.lock();
    try {
      return queue.size();
    } finally {
      lock.unlock();
    }
  }

  @SuppressWarnings("ReferenceEquality") // identity is the point: see the caller
  private static boolean sameRecord(FlowRecord tail, @Nullable FlowRecord expected) {
    return tail == expected;
  }
}
