package io.flowengine.internal;

import io.flowengine.FlowHistory;
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
    double progress = from.progress();
    Instant startedAt = from.startedAt();
    Instant finishedAt = null;
    String stateError = null;
    int attempt = from.attempt();
    String lastError = from.lastError();
    Instant nextNotBefore = from.notBefore();
    switch (event) {
      case START -> {
        startedAt = now;
        nextNotBefore = notBefore;
      }
      case COMPLETE -> {
        progress = 1.0;
        finishedAt = now;
      }
      case FAIL -> {
        finishedAt = now;
        stateError = error;
        lastError = error != null ? error : lastError;
        nextNotBefore = null;
      }
      case FINISH_ABORT -> finishedAt = now;
      case DISPATCH, RESUME -> nextNotBefore = null;
      case ABORT, REQUEUE -> {}
      case RETRY -> {
        attempt++;
        lastError = error;
        nextNotBefore = notBefore;
      }
    }
    FlowHistory history =
        event == FlowEvent.RESUME // the retry that scheduled it is the recorded change
            ? from.history()
            : from.history()
                .with(
                    new FlowTransition(
                        from.state(),
                        to,
                        now,
                        attempt,
                        event == FlowEvent.FAIL || event == FlowEvent.RETRY ? error : null));
    return from.advanced(
        to,
        progress,
        startedAt,
        finishedAt,
        stateError,
        attempt,
        lastError,
        nextNotBefore,
        history);
  }
}
