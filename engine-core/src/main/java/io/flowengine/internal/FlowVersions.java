package io.flowengine.internal;

import io.flowengine.FlowState;
import io.flowengine.FlowTransition;
import io.flowengine.spi.FlowRecord;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The next immutable version of a flow record after an event of {@link FlowTransitions}: its state,
 * progress, times, error and attempt, and the entry the change adds to its history. Computes only;
 * stores nothing. Stateless and thread-safe.
 */
final class FlowVersions {
  private FlowVersions() {}

  /**
   * Returns the next version of {@code from} after {@code event}, which leads to {@code to}, with
   * its history entry.
   *
   * @param error the error of a {@code FAIL} or a {@code RETRY}; ignored otherwise
   * @param notBefore for {@code START}, a delayed start's time; for {@code RETRY}, the next
   *     attempt's; ignored otherwise
   * @param now the engine time of the change
   */
  static FlowRecord next(
      FlowRecord from,
      FlowEvent event,
      FlowState to,
      @Nullable String error,
      @Nullable Instant notBefore,
      Instant now) {
    int attempt = from.attempt();
    FlowRecord next =
        switch (event) {
          case START ->
              from.transitioned(to, from.progress(), now, null, null)
                  .withSchedule(attempt, from.lastError(), notBefore);
          case COMPLETE -> from.transitioned(to, 1.0, from.startedAt(), now, null);
          case FAIL ->
              from.transitioned(to, from.progress(), from.startedAt(), now, error)
                  .withSchedule(attempt, error != null ? error : from.lastError(), null);
          case FINISH_ABORT -> from.transitioned(to, from.progress(), from.startedAt(), now, null);
          case DISPATCH, RESUME ->
              from.transitioned(to, from.progress(), from.startedAt(), null, null)
                  .withSchedule(attempt, from.lastError(), null);
          case ABORT, REQUEUE ->
              from.transitioned(to, from.progress(), from.startedAt(), null, null);
          case RETRY ->
              from.transitioned(to, from.progress(), from.startedAt(), null, null)
                  .withSchedule(attempt + 1, error, notBefore);
        };
    if (event == FlowEvent.RESUME) {
      return next; // the retry that scheduled it is the recorded change
    }
    return next.withHistory(
        from.history()
            .with(
                new FlowTransition(
                    from.state(),
                    to,
                    now,
                    next.attempt(),
                    event == FlowEvent.FAIL || event == FlowEvent.RETRY ? error : null)));
  }
}
