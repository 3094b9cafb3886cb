package io.flowengine.spi;

import static java.util.Objects.requireNonNull;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import io.flowengine.Flow;
import io.flowengine.FlowState;
import io.flowengine.Parameters;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A flow as a {@link FlowStore} keeps it: the public {@link Flow} fields plus the owning account,
 * the ids of its inputs, its timeout and a version that every update increments. Stores compare
 * versions to apply updates atomically ({@link FlowStore#compareAndSet}). Immutable and
 * thread-safe.
 *
 * @param id 24 lowercase hex characters
 * @param accountId the owning account, or null for flows created without one
 * @param templateId the template's id
 * @param templateName the template's name
 * @param state the state
 * @param progress in [0, 1]
 * @param parameters validated parameters
 * @param additional user data, or null
 * @param inputIds ids of the input assets, in the order added; an input belongs to the flow only
 *     once its id is here
 * @param createdAt creation time
 * @param startedAt start time, or null
 * @param finishedAt time a terminal state was reached, or null
 * @param error failure message, or null
 * @param timeout how long the flow may run, or null
 * @param version 0 when inserted, incremented by every update
 */
public record FlowRecord(
    String id,
    @Nullable String accountId,
    String templateId,
    String templateName,
    FlowState state,
    double progress,
    Parameters parameters,
    @Nullable String additional,
    List<String> inputIds,
    Instant createdAt,
    @Nullable Instant startedAt,
    @Nullable Instant finishedAt,
    @Nullable String error,
    @Nullable Duration timeout,
    long version) {

  /** Checks required fields and copies the input ids. */
  public FlowRecord {
    requireNonNull(id, "id");
    requireNonNull(templateId, "templateId");
    requireNonNull(templateName, "templateName");
    requireNonNull(state, "state");
    requireNonNull(parameters, "parameters");
    requireNonNull(createdAt, "createdAt");
    inputIds = ImmutableList.copyOf(inputIds);
    Preconditions.checkArgument(progress >= 0 && progress <= 1, "progress %s", progress);
    Preconditions.checkArgument(version >= 0, "version %s", version);
  }

  /** Returns the public snapshot of this record. */
  public Flow toFlow() {
    return new Flow(
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
        error);
  }

  /** Returns the next version with a new state and the fields a transition sets. */
  public FlowRecord transitioned(
      FlowState newState,
      double newProgress,
      @Nullable Instant newStartedAt,
      @Nullable Instant newFinishedAt,
      @Nullable String newError) {
    return new FlowRecord(
        id,
        accountId,
        templateId,
        templateName,
        newState,
        newProgress,
        parameters,
        additional,
        inputIds,
        createdAt,
        newStartedAt,
        newFinishedAt,
        newError,
        timeout,
        version + 1);
  }

  /** Returns the next version with {@code progress} changed. */
  public FlowRecord withProgress(double newProgress) {
    return transitioned(state, newProgress, startedAt, finishedAt, error);
  }

  /** Returns the next version with {@code assetId} appended to the inputs. */
  public FlowRecord withInput(String assetId) {
    return new FlowRecord(
        id,
        accountId,
        templateId,
        templateName,
        state,
        progress,
        parameters,
        additional,
        ImmutableList.<String>builderWithExpectedSize(inputIds.size() + 1)
            .addAll(inputIds)
            .add(assetId)
            .build(),
        createdAt,
        startedAt,
        finishedAt,
        error,
        timeout,
        version + 1);
  }
}
