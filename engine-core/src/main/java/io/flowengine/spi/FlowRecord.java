package io.flowengine.spi;

import static java.util.Objects.requireNonNull;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import io.flowengine.Flow;
import io.flowengine.FlowHistory;
import io.flowengine.FlowState;
import io.flowengine.Parameters;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A flow as a {@link FlowStore} keeps it: the public {@link Flow} fields plus the owning account,
 * the ids of its inputs, its timeout, its retry schedule, its idempotency key, its bounded history
 * and a version that every update increments. Stores compare versions to apply updates atomically
 * ({@link FlowStore#compareAndSet}). Immutable and thread-safe.
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
 * @param attempt the current attempt, from 1
 * @param lastError the error of the last failed attempt, or null until one failed
 * @param notBefore the earliest time the next run may begin (a delayed start while {@code
 *     STARTING}, the next attempt while {@code RUNNING} between attempts), or null for at once
 * @param idempotencyKey the key the flow was created with, unique per account, or null
 * @param requestDigest a digest of the creating request, to tell a repeated request from a
 *     different one with the same key; null without a key
 * @param history the recorded state changes
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
    long version,
    int attempt,
    @Nullable String lastError,
    @Nullable Instant notBefore,
    @Nullable String idempotencyKey,
    @Nullable String requestDigest,
    FlowHistory history) {

  /** Checks required fields and copies the input ids. */
  public FlowRecord {
    requireNonNull(id, "id");
    requireNonNull(templateId, "templateId");
    requireNonNull(templateName, "templateName");
    requireNonNull(state, "state");
    requireNonNull(parameters, "parameters");
    requireNonNull(createdAt, "createdAt");
    requireNonNull(history, "history");
    inputIds = inputIds.isEmpty() ? ImmutableList.of() : ImmutableList.copyOf(inputIds);
    if (!(progress >= 0 && progress <= 1)) { // not checkArgument: it would box every progress
      throw new IllegalArgumentException("progress " + progress);
    }
    Preconditions.checkArgument(version >= 0, "version %s", version);
    Preconditions.checkArgument(attempt >= 1, "attempt %s", attempt);
  }

  /** A record on its first attempt, without schedule, key or history. */
  public FlowRecord(
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
    this(
        id,
        accountId,
        templateId,
        templateName,
        state,
        progress,
        parameters,
        additional,
        inputIds,
        createdAt,
        startedAt,
        finishedAt,
        error,
        timeout,
        version,
        1,
        null,
        null,
        null,
        null,
        FlowHistory.EMPTY);
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
        error,
        attempt,
        lastError,
        state == FlowState.STARTING ? notBefore : null,
        state == FlowState.RUNNING ? notBefore : null);
  }

  /** Returns the next version with a new state and the fields a transition sets. */
  public FlowRecord transitioned(
      FlowState newState,
      double newProgress,
      @Nullable Instant newStartedAt,
      @Nullable Instant newFinishedAt,
      @Nullable String newError) {
    return advanced(
        newState,
        newProgress,
        newStartedAt,
        newFinishedAt,
        newError,
        attempt,
        lastError,
        notBefore,
        history);
  }

  /**
   * Returns the next version after a state change that also sets the schedule and the history: in
   * one record, where {@link #transitioned}, {@link #withSchedule} and {@link #withHistory} would
   * make three.
   */
  public FlowRecord advanced(
      FlowState newState,
      double newProgress,
      @Nullable Instant newStartedAt,
      @Nullable Instant newFinishedAt,
      @Nullable String newError,
      int newAttempt,
      @Nullable String newLastError,
      @Nullable Instant newNotBefore,
      FlowHistory newHistory) {
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
        version + 1,
        newAttempt,
        newLastError,
        newNotBefore,
        idempotencyKey,
        requestDigest,
        newHistory);
  }

  /** Returns this record (same version) with a new attempt, last error and not-before time. */
  public FlowRecord withSchedule(
      int newAttempt, @Nullable String newLastError, @Nullable Instant newNotBefore) {
    return new FlowRecord(
        id,
        accountId,
        templateId,
        templateName,
        state,
        progress,
        parameters,
        additional,
        inputIds,
        createdAt,
        startedAt,
        finishedAt,
        error,
        timeout,
        version,
        newAttempt,
        newLastError,
        newNotBefore,
        idempotencyKey,
        requestDigest,
        history);
  }

  /** Returns this record (same version) with an idempotency key and the request's digest. */
  public FlowRecord withIdempotency(@Nullable String key, @Nullable String digest) {
    return new FlowRecord(
        id,
        accountId,
        templateId,
        templateName,
        state,
        progress,
        parameters,
        additional,
        inputIds,
        createdAt,
        startedAt,
        finishedAt,
        error,
        timeout,
        version,
        attempt,
        lastError,
        notBefore,
        key,
        digest,
        history);
  }

  /** Returns this record (same version) with {@code newHistory}. */
  public FlowRecord withHistory(FlowHistory newHistory) {
    return new FlowRecord(
        id,
        accountId,
        templateId,
        templateName,
        state,
        progress,
        parameters,
        additional,
        inputIds,
        createdAt,
        startedAt,
        finishedAt,
        error,
        timeout,
        version,
        attempt,
        lastError,
        notBefore,
        idempotencyKey,
        requestDigest,
        newHistory);
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
        version + 1,
        attempt,
        lastError,
        notBefore,
        idempotencyKey,
        requestDigest,
        history);
  }
}
