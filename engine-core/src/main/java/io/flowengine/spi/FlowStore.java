package io.flowengine.spi;

import io.flowengine.FlowState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Keeps flow records. Every change is a compare-and-set on the record's version, which is what
 * makes the engine's state machine lock-free on any store: in memory an atomic reference swap, in
 * SQL an {@code UPDATE ... WHERE id = ? AND version = ?}. Implementations must be thread-safe and
 * linearizable per flow; {@code io.flowengine.tck.FlowStoreContract} (artifact engine-tck) is the
 * suite every implementation must pass. Failures to read or write are {@link
 * io.flowengine.StorageException}s.
 */
public interface FlowStore {
  /**
   * Stores a new record (version 0).
   *
   * @throws IllegalStateException if a flow with the same id exists
   */
  void insert(FlowRecord record);

  /**
   * Stores several new records, each on its own: a record that cannot be stored (its id exists, a
   * storage failure) fails alone and the others are stored. A store may write them in one
   * transaction; {@code createFlows} uses it.
   *
   * @return for each record, at the same index, empty if it was stored, or why it was not (an
   *     {@link IllegalStateException} for an existing id, a {@link io.flowengine.StorageException})
   */
  default List<Optional<RuntimeException>> insertAll(List<FlowRecord> records) {
    List<Optional<RuntimeException>> outcomes = new ArrayList<>(records.size());
    for (FlowRecord record : records) {
      try {
        insert(record);
        outcomes.add(Optional.empty());
      } catch (RuntimeException e) {
        outcomes.add(Optional.of(e));
      }
    }
    return outcomes;
  }

  /** Returns the current record of a flow. */
  Optional<FlowRecord> find(String flowId);

  /**
   * Returns the flow of {@code accountId} (null: the flows without an account) created with the
   * idempotency key {@code key} ({@link FlowRecord#idempotencyKey()}). A store keeps keys unique
   * per account: {@link #insert} of a record whose account and key another stored flow has fails
   * with an {@link IllegalStateException}, as a duplicate id does, so of racing inserts with one
   * key exactly one is stored. A deleted flow frees its key. The default supports no keys.
   *
   * @throws UnsupportedOperationException if the store does not support idempotency keys
   */
  default Optional<FlowRecord> findByIdempotencyKey(@Nullable String accountId, String key) {
    throw new UnsupportedOperationException(
        getClass().getName() + " does not support idempotency keys");
  }

  /**
   * Replaces {@code expected} with {@code next} if the stored version is still {@code
   * expected.version()}.
   *
   * @return whether the record was replaced; false if it changed or was deleted meanwhile
   * @throws IllegalArgumentException if the ids differ or {@code next.version()} is not {@code
   *     expected.version() + 1}
   */
  boolean compareAndSet(FlowRecord expected, FlowRecord next);

  /**
   * Starts a {@link #compareAndSet} whose caller need not wait for it: the future completes with
   * the same result once the outcome is as durable as the store makes a change (a durable store
   * commits it, perhaps with other changes, in one transaction). The engine uses it for the changes
   * a flow's own thread makes (dispatch, progress, completion) and tells listeners and waiters in
   * the future's continuation, so they hear of a change only once it is stored.
   *
   * <p>A caller may start the next change of a flow before the previous one completed, passing the
   * very {@code next} instance of the pending change as {@code expected}: then the store must write
   * it after that one, and must not write it if that one was not written (a durable store may write
   * the two as one row update). The default calls {@link #compareAndSet} at once.
   *
   * @return completes with whether the record was replaced, or exceptionally with a {@link
   *     io.flowengine.StorageException}
   * @throws IllegalArgumentException if the ids differ or {@code next.version()} is not {@code
   *     expected.version() + 1}
   */
  default CompletableFuture<Boolean> compareAndSetAsync(FlowRecord expected, FlowRecord next) {
    if (!next.id().equals(expected.id()) || next.version() != expected.version() + 1) {
      throw new IllegalArgumentException(
          "next must be version "
              + (expected.version() + 1)
              + " of flow "
              + expected.id()
              + ", was version "
              + next.version()
              + " of "
              + next.id());
    }
    try {
      return CompletableFuture.completedFuture(compareAndSet(expected, next));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Applies several compare-and-sets, with the same result as calling {@link #compareAndSet} for
   * each pair in order; a store may apply them in one transaction or batch. Recovery uses it to
   * move thousands of flows at once.
   *
   * @param expected the records each update expects, of distinct flows
   * @param next the replacement of each, at the same index
   * @return for each pair, whether the record was replaced
   * @throws IllegalArgumentException if the lists differ in size or a pair is not a valid update;
   *     then nothing is changed
   */
  default boolean[] compareAndSetAll(List<FlowRecord> expected, List<FlowRecord> next) {
    if (expected.size() != next.size()) {
      throw new IllegalArgumentException(
          expected.size() + " expected records but " + next.size() + " replacements");
    }
    for (int i = 0; i < expected.size(); i++) {
      FlowRecord from = expected.get(i);
      FlowRecord to = next.get(i);
      if (!to.id().equals(from.id()) || to.version() != from.version() + 1) {
        throw new IllegalArgumentException(
            "replacement "
                + i
                + " must be version "
                + (from.version() + 1)
                + " of flow "
                + from.id()
                + ", was version "
                + to.version()
                + " of "
                + to.id()
                + "; nothing was changed");
      }
    }
    boolean[] replaced = new boolean[expected.size()];
    for (int i = 0; i < replaced.length; i++) {
      replaced[i] = compareAndSet(expected.get(i), next.get(i));
    }
    return replaced;
  }

  /**
   * Deletes the flow if its stored version is still {@code expected.version()}.
   *
   * @return whether it was deleted
   */
  boolean delete(FlowRecord expected);

  /** Returns a page of flows in {@link FlowOrdering} order; see {@link FlowPageRequest}. */
  List<FlowRecord> page(FlowPageRequest request);

  /**
   * Returns up to {@code limit} flows in {@code states} with an id greater than {@code afterId},
   * ordered by id; used for recovery in batches.
   */
  List<FlowRecord> findByStates(Set<FlowState> states, @Nullable String afterId, int limit);

  /**
   * Returns up to {@code limit} terminal flows that finished before {@code cutoff}, oldest first;
   * used to purge old flows in batches.
   */
  List<FlowRecord> findFinishedBefore(Instant cutoff, int limit);

  /** Returns how many flows of {@code accountId} are not terminal. */
  long countUnfinished(String accountId);
}
