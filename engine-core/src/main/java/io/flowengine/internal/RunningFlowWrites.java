package io.flowengine.internal;

import io.flowengine.FlowState;
import io.flowengine.spi.FlowRecord;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writes a running flow's own thread makes, queued without waiting for the store: dispatch,
 * progress, and completion or failure. Each expects the record the previous one writes ({@link
 * io.flowengine.spi.FlowStore#compareAndSetAsync}), so a durable store writes them in order and may
 * coalesce them into one row update; the thread never waits for a commit. Losing one of them is
 * what recovery handles anyway (a flow found starting or running after a crash runs again), and
 * listeners and waiters hear of each only once it is stored. If one is not written (an abort
 * changed the flow first), the rest are not either, and the outcome is settled from the stored
 * record instead. Thread-safe: the steps of one flow may report progress from several threads.
 */
final class RunningFlowWrites {
  private static final Logger log = LoggerFactory.getLogger(RunningFlowWrites.class);

  private final FlowStateMachine machine;
  private final ReentrantLock lock = new ReentrantLock();
  private FlowRecord last; // guarded by lock: what the last queued write leaves, once written
  private volatile boolean lost;

  RunningFlowWrites(FlowStateMachine machine, FlowRecord starting) {
    this.machine = machine;
    this.last = starting;
  }

  /**
   * Queues {@code STARTING -> RUNNING} (or, for a flow that waited for its next attempt, the start
   * of that attempt) and returns the running record as it will be stored.
   */
  FlowRecord dispatch() {
    FlowRecord from;
    FlowRecord next;
    OrderedDelivery.Slot slot;
    CompletableFuture<Boolean> write;
    lock.lock();
    try {
      from = last;
      next =
          machine.advance(
              from, from.state() == FlowState.RUNNING ? FlowEvent.RESUME : FlowEvent.DISPATCH);
      slot = machine.writes().reserve(next); // in write order, so listeners hear them in that order
      write = queue(next);
    } finally {
      lock.unlock();
    }
    CompletableFuture<?> unused =
        write.whenComplete((stored, failure) -> decided(from, next, slot, stored, failure, false));
    return next;
  }

  /**
   * Queues a progress increase of the running flow; lower values, and any after a loss, are
   * ignored.
   */
  void progress(double fraction) {
    double capped = Math.min(fraction, FlowStateMachine.MAX_RUNNING_PROGRESS);
    FlowRecord from;
    FlowRecord next;
    OrderedDelivery.Slot slot;
    CompletableFuture<Boolean> write;
    lock.lock();
    try {
      from = last;
      if (lost || from.state() != FlowState.RUNNING || capped <= from.progress()) {
        return;
      }
      next = from.withProgress(capped);
      slot = machine.writes().reserve(next);
      write = queue(next);
    } finally {
      lock.unlock();
    }
    CompletableFuture<?> unused =
        write.whenComplete((stored, failure) -> decided(from, next, slot, stored, failure, true));
  }

  /**
   * Queues the end of the run: completed, or failed with {@code error}. Once it is written, {@code
   * stored} gets the flow id; if it (or a write before it) is not, {@code settle} decides from the
   * stored record.
   */
  void finish(@Nullable String error, Consumer<String> stored, Consumer<String> settle) {
    queueLast(
        from -> machine.advance(from, error != null ? FlowEvent.FAIL : FlowEvent.COMPLETE, error),
        terminal -> stored.accept(terminal.id()),
        settle);
  }

  /**
   * Queues the end of a failed attempt that is retried: the flow stays running and waits until
   * {@code at}. Once stored, {@code stored} gets the waiting record; if it (or a write before it)
   * is not written, {@code settle} decides from the stored record.
   */
  void retry(String error, Instant at, Consumer<FlowRecord> stored, Consumer<String> settle) {
    queueLast(from -> machine.retried(from, error, at), stored, settle);
  }

  /**
   * Queues the run's last write, {@code advance} of the latest record, if the flow is still
   * running; {@code stored} gets it once written, otherwise {@code settle} decides from the stored
   * record.
   */
  private void queueLast(
      UnaryOperator<FlowRecord> advance, Consumer<FlowRecord> stored, Consumer<String> settle) {
    FlowRecord from;
    @Nullable FlowRecord next = null;
    @Nullable CompletableFuture<Boolean> queued = null;
    OrderedDelivery.@Nullable Slot reserved = null;
    lock.lock();
    try {
      from = last;
      if (!lost && from.state() == FlowState.RUNNING) {
        next = advance.apply(from);
        reserved = machine.writes().reserve(next);
        queued = queue(next);
      }
    } finally {
      lock.unlock();
    }
    if (next == null || queued == null || reserved == null) {
      settle.accept(from.id());
      return;
    }
    FlowRecord written = next;
    OrderedDelivery.Slot slot = reserved;
    CompletableFuture<?> unused =
        queued.whenComplete(
            (ok, failure) -> {
              if (decided(from, written, slot, ok, failure, false)) {
                stored.accept(written);
              } else {
                settle.accept(from.id());
              }
            });
  }

  private CompletableFuture<Boolean> queue(FlowRecord next) {
    FlowRecord from = last;
    last = next;
    try {
      return machine.store().compareAndSetAsync(from, next);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Tells listeners of a stored write; remembers a lost one. Returns whether it was stored. */
  private boolean decided(
      FlowRecord from,
      FlowRecord next,
      OrderedDelivery.Slot slot,
      @Nullable Boolean stored,
      @Nullable Throwable failure,
      boolean progressOnly) {
    if (failure != null || stored == null || !stored) {
      slot.cancel();
      lost = true;
      if (failure != null) {
        log.warn("flow {}: could not store {}: {}", from.id(), next.state(), failure.toString());
      }
      return false;
    }
    if (progressOnly) {
      slot.progressed(next);
    } else {
      slot.changed(from, next);
    }
    return true;
  }
}
