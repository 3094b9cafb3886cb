package io.flowengine;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One recorded state change of a flow, an entry of its {@link FlowHistory}. A retry is recorded as
 * a change from {@link FlowState#RUNNING} to {@link FlowState#RUNNING} with the next attempt's
 * number and the failed attempt's error. Immutable and thread-safe.
 *
 * @param from the state before, or null for the flow's creation
 * @param to the state after
 * @param at when it changed
 * @param attempt the attempt the flow is on after the change (1-based)
 * @param error the error the change records (a failure, or the failed attempt of a retry), or null
 */
public record FlowTransition(
    @Nullable FlowState from, FlowState to, Instant at, int attempt, @Nullable String error) {

  /** Checks required fields. */
  public FlowTransition {
    requireNonNull(to, "to");
    requireNonNull(at, "at");
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be at least 1: " + attempt);
    }
  }
}
