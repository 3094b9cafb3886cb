package io.flowengine.internal;

import static io.flowengine.FlowState.ABORTED;
import static io.flowengine.FlowState.ABORTING;
import static io.flowengine.FlowState.COMPLETED;
import static io.flowengine.FlowState.CREATED;
import static io.flowengine.FlowState.FAILED;
import static io.flowengine.FlowState.RUNNING;
import static io.flowengine.FlowState.STARTING;

import io.flowengine.FlowState;
import org.jspecify.annotations.Nullable;

/**
 * The flow state machine as a pure table: {@code (state, event) -> state}. Everything not listed is
 * illegal. Stateless and thread-safe.
 *
 * <pre>
 * CREATED  --START-------&gt; STARTING
 * STARTING --DISPATCH----&gt; RUNNING      STARTING --ABORT--&gt; ABORTING   STARTING --FAIL--&gt; FAILED
 * RUNNING  --COMPLETE----&gt; COMPLETED    RUNNING  --ABORT--&gt; ABORTING   RUNNING  --FAIL--&gt; FAILED
 * RUNNING  --REQUEUE-----&gt; STARTING     (recovery only)
 * RUNNING  --RETRY-------&gt; RUNNING      (waits for the next attempt)
 * RUNNING  --RESUME------&gt; RUNNING      (the next attempt begins)
 * ABORTING --FINISH_ABORT&gt; ABORTED
 * </pre>
 */
final class FlowTransitions {
  private static final @Nullable FlowState[][] TABLE =
      new FlowState[FlowState.values().length][FlowEvent.values().length];

  static {
    put(CREATED, FlowEvent.START, STARTING);
    put(STARTING, FlowEvent.DISPATCH, RUNNING);
    put(STARTING, FlowEvent.ABORT, ABORTING);
    put(STARTING, FlowEvent.FAIL, FAILED);
    put(RUNNING, FlowEvent.COMPLETE, COMPLETED);
    put(RUNNING, FlowEvent.FAIL, FAILED);
    put(RUNNING, FlowEvent.ABORT, ABORTING);
    put(RUNNING, FlowEvent.REQUEUE, STARTING);
    put(RUNNING, FlowEvent.RETRY, RUNNING);
    put(RUNNING, FlowEvent.RESUME, RUNNING);
    put(ABORTING, FlowEvent.FINISH_ABORT, ABORTED);
  }

  private FlowTransitions() {}

  private static void put(FlowState from, FlowEvent event, FlowState to) {
    TABLE[from.ordinal()][event.ordinal()] = to;
  }

  /** Returns the state {@code event} leads to from {@code from}, or null if it is illegal there. */
  static @Nullable FlowState next(FlowState from, FlowEvent event) {
    return TABLE[from.ordinal()][event.ordinal()];
  }
}
