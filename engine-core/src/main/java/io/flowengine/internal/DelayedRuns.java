package io.flowengine.internal;

import io.flowengine.FlowState;
import io.flowengine.spi.DeadlineScheduler;
import io.flowengine.spi.FlowRecord;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one "not before" mechanism of delayed starts and retry backoffs: a flow whose {@link
 * FlowRecord#notBefore()} lies ahead waits on the engine's {@link DeadlineScheduler} (the manual
 * clock in tests) and is handed to the runner when it is reached; any other flow is handed over at
 * once. A starting flow goes to {@code queueStarting} (the runner, or in a cluster a claim round),
 * a running flow between attempts to {@code runNow} (the node that ran it). The time itself is in
 * the stored record, so recovery and other nodes see it too. Thread-safe.
 */
final class DelayedRuns {
  private static final Logger log = LoggerFactory.getLogger(DelayedRuns.class);

  private final DeadlineScheduler deadlines;
  private final FlowStateMachine machine;
  private final ConcurrentMap<String, Wait> waiting = new ConcurrentHashMap<>();
  private volatile Consumer<String> queueStarting = id -> {};
  private volatile Consumer<String> runNow = id -> {};

  DelayedRuns(DeadlineScheduler deadlines, FlowStateMachine machine) {
    this.deadlines = deadlines;
    this.machine = machine;
  }

  /** Sets where flows go once their time is reached; call once, before any flow is submitted. */
  void bind(Consumer<String> queueStarting, Consumer<String> runNow) {
    this.queueStarting = queueStarting;
    this.runNow = runNow;
  }

  /** Hands {@code record}'s flow over now, or at its not-before time if that lies ahead. */
  void submit(FlowRecord record) {
    Instant at = record.notBefore();
    boolean running = record.state() == FlowState.RUNNING;
    if (at == null || !at.isAfter(machine.now())) {
      handOver(record.id(), running);
      return;
    }
    String flowId = record.id();
    Wait wait = new Wait();
    Wait previous = waiting.put(flowId, wait); // before scheduling: a manual clock may fire at once
    if (previous != null) {
      previous.cancel();
    }
    try {
      wait.timer =
          deadlines.schedule(
              at,
              () -> {
                if (waiting.remove(flowId, wait)) {
                  handOver(flowId, running);
                }
              });
    } catch (IllegalStateException e) { // the scheduler shut down: the engine is closing
      waiting.remove(flowId, wait);
      log.debug("flow {} not scheduled for {}: the engine is closing", flowId, at);
    }
  }

  /** One flow's wait; its timer is set once scheduled. */
  private static final class Wait {
    volatile DeadlineScheduler.@Nullable Cancellable timer;

    void cancel() {
      DeadlineScheduler.Cancellable current = timer;
      if (current != null) {
        current.cancel();
      }
    }
  }

  private void handOver(String flowId, boolean running) {
    (running ? runNow : queueStarting).accept(flowId);
  }

  /**
   * Cancels the wait of a flow (an abort).
   *
   * @return whether it was waiting; then it will not be handed over
   */
  boolean cancel(String flowId) {
    Wait wait = waiting.remove(flowId);
    if (wait == null) {
      return false;
    }
    wait.cancel();
    return true;
  }

  /** Returns whether {@code flowId} waits here for its time. */
  boolean isWaiting(String flowId) {
    return waiting.containsKey(flowId);
  }

  /** Returns how many flows wait for their time. */
  int waiting() {
    return waiting.size();
  }
}
