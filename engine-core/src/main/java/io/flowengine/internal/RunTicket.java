package io.flowengine.internal;

import io.flowengine.spi.FlowRecord;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * One flow's place in the {@link FlowRunner}: queued, claimed by a thread, cancelled by an abort
 * before it ran, or abandoned by a shutdown; and, while running, the thread to interrupt and the
 * reason it should stop. Thread-safe.
 */
final class RunTicket {
  /** Why a running flow is asked to stop. */
  enum StopReason {
    ABORT,
    TIMEOUT,
    SHUTDOWN,
    /** The node's cluster lease ended: the flow is another node's now; store nothing. */
    LEASE_LOST
  }

  private static final int QUEUED = 0;
  private static final int CLAIMED = 1;
  private static final int CANCELLED = 2;
  private static final int ABANDONED = 3;

  final String flowId;

  /** The record as this node claimed it in cluster mode (its run starts from it), else null. */
  final @Nullable FlowRecord claimed;

  private final AtomicInteger phase = new AtomicInteger(QUEUED);

  /** Whether the ticket holds a running slot; guarded by the lock of {@link RunSlots}. */
  boolean holdsSlot;

  private volatile @Nullable StopReason stopReason;
  private @Nullable Thread thread; // guarded by this

  RunTicket(String flowId, @Nullable FlowRecord claimed) {
    this.flowId = flowId;
    this.claimed = claimed;
  }

  /** Takes the ticket for running; false if it was cancelled first. */
  boolean claim() {
    return phase.compareAndSet(QUEUED, CLAIMED);
  }

  /** Cancels the ticket if no thread claimed it yet. */
  boolean cancelIfQueued() {
    return phase.compareAndSet(QUEUED, CANCELLED);
  }

  /** Gives the ticket up because the runner shuts down, if no thread claimed it yet. */
  boolean abandonIfQueued() {
    return phase.compareAndSet(QUEUED, ABANDONED);
  }

  boolean isCancelled() {
    return phase.get() == CANCELLED;
  }

  synchronized void attach(Thread current) {
    thread = current;
  }

  /** Detaches the running thread and clears an interrupt that arrived for this flow. */
  void detach() {
    synchronized (this) {
      thread = null;
    }
    Thread.interrupted();
  }

  /** Asks the flow to stop for {@code reason} (the first reason wins) and interrupts its thread. */
  void stop(StopReason reason) {
    synchronized (this) {
      if (stopReason == null) {
        stopReason = reason;
      }
      if (thread != null) {
        thread.interrupt();
      }
    }
  }

  @Nullable StopReason stopReason() {
    return stopReason;
  }
}
