package io.flowengine;

import static java.util.Objects.requireNonNull;

import com.google.common.base.Preconditions;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An immutable snapshot of one flow: one execution of a template. Obtained from {@link
 * FlowOperations#getFlow}, {@link FlowOperations#listFlows} and listeners; it never changes, a
 * later snapshot shows later state. Thread-safe.
 *
 * @param id 24 lowercase hex characters, time-ordered
 * @param templateId the id of the template the flow runs
 * @param templateName the name of that template
 * @param state the current state
 * @param progress in [0, 1], never decreasing, exactly 1.0 only when {@link FlowState#COMPLETED}
 * @param parameters the validated parameters, with the template's defaults applied
 * @param additional user data given at creation (by convention JSON), returned unchanged, or null
 * @param createdAt when the flow was created
 * @param startedAt when it was started, or null while {@link FlowState#CREATED}
 * @param finishedAt when it reached a terminal state, or null before
 * @param error why it failed, or null unless {@link FlowState#FAILED}
 * @param attempt the attempt the flow is on, from 1; above 1 once a {@link RetryPolicy} retried it
 * @param lastError the error of the last failed attempt, or null until one failed
 * @param startAt while {@link FlowState#STARTING}, the time a delayed start waits for, else null
 * @param nextAttemptAt while {@link FlowState#RUNNING} between attempts, when the next one begins,
 *     else null
 */
public record Flow(
    String id,
    String templateId,
    String templateName,
    FlowState state,
    double progress,
    Parameters parameters,
    @Nullable String additional,
    Instant createdAt,
    @Nullable Instant startedAt,
    @Nullable Instant finishedAt,
    @Nullable String error,
    int attempt,
    @Nullable String lastError,
    @Nullable Instant startAt,
    @Nullable Instant nextAttemptAt) {

  /**
   * Checks the snapshot is consistent.
   *
   * @throws IllegalArgumentException if progress is outside [0, 1]
   */
  public Flow {
    requireNonNull(id, "id");
    requireNonNull(templateId, "templateId");
    requireNonNull(templateName, "templateName");
    requireNonNull(state, "state");
    requireNonNull(parameters, "parameters");
    requireNonNull(createdAt, "createdAt");
    if (!(progress >= 0 && progress <= 1)) { // not checkArgument: it would box every progress
      throw new IllegalArgumentException("progress " + progress + " outside [0, 1]");
    }
    Preconditions.checkArgument(attempt >= 1, "attempt %s below 1", attempt);
  }

  /**
   * A snapshot on its first attempt, with no failed attempt and no schedule.
   *
   * @throws IllegalArgumentException if progress is outside [0, 1]
   */
  public Flow(
      String id,
      String templateId,
      String templateName,
      FlowState state,
      double progress,
      Parameters parameters,
      @Nullable String additional,
      Instant createdAt,
      @Nullable Instant startedAt,
      @Nullable Instant finishedAt,
      @Nullable String error) {
    this(
        id,
        templateId,
        templateName,
        state,
        progress,
        parameters,
        additional,
        createdAt,
        startedAt,
        finishedAt,
        error,
        1,
        null,
        null,
        null);
  }

  /** Returns whether the flow reached a terminal state. */
  public boolean isTerminal() {
    return state.isTerminal();
  }
}
