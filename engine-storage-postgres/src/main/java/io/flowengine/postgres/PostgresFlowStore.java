package io.flowengine.postgres;

import io.flowengine.FlowState;
import io.flowengine.jdbc.FlowExtras;
import io.flowengine.jdbc.FlowUpdates;
import io.flowengine.jdbc.GroupCommit;
import io.flowengine.spi.FlowPageRequest;
import io.flowengine.spi.FlowRecord;
import io.flowengine.spi.FlowStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * A {@link FlowStore} on {@code flowengine_flows}. Every write goes through the storage's {@link
 * GroupCommit}: the writes that wait at the same moment, from every caller, share one transaction
 * and one commit, and a call returns once its own write is committed (with {@code
 * synchronous_commit} on: flushed to the server's WAL). The statements are {@link
 * PostgresFlowSql}'s. Reads are single statements: a page is one {@code UNION ALL} of index scans
 * ({@link FlowListingQueries}). Not in cluster mode, {@link #find} answers from the rows this store
 * wrote itself ({@link OwnWrites}) when it remembers the flow. Thread-safe.
 */
final class PostgresFlowStore implements FlowStore {
  private static final String SELECT = "SELECT " + FlowRows.COLUMNS + " FROM " + FlowRows.TABLE;

  private final Connections connections;
  private final GroupCommit commit;
  private final PostgresFailures failures;
  private final @Nullable OwnWrites own;

  /**
   * @param own the rows this store wrote, read before the database; null in cluster mode, where
   *     other nodes write too
   */
  PostgresFlowStore(Connections connections, GroupCommit commit, @Nullable OwnWrites own) {
    this.connections = connections;
    this.commit = commit;
    this.failures = connections.failures();
    this.own = own;
  }

  @Override
  public void insert(FlowRecord record) {
    FlowRows.checkTimes(record);
    GroupCommit.await(queueInsert(record));
  }

  private CompletableFuture<Void> queueInsert(FlowRecord record) {
    CompletableFuture<Void> insert = commit.insert(record);
    return own == null ? insert : own.written(insert, record);
  }

  /** Queues every insert at once, so they share as few transactions as the writer needs. */
  @Override
  public List<Optional<RuntimeException>> insertAll(List<FlowRecord> records) {
    List<CompletableFuture<Void>> pending = new ArrayList<>(records.size());
    for (FlowRecord record : records) {
      try {
        FlowRows.checkTimes(record);
        pending.add(queueInsert(record));
      } catch (IllegalArgumentException e) {
        pending.add(CompletableFuture.failedFuture(e));
      }
    }
    List<Optional<RuntimeException>> outcomes = new ArrayList<>(records.size());
    for (CompletableFuture<Void> insert : pending) {
      try {
        GroupCommit.await(insert);
        outcomes.add(Optional.empty());
      } catch (RuntimeException e) {
        outcomes.add(Optional.of(e));
      }
    }
    return outcomes;
  }

  @Override
  public Optional<FlowRecord> find(String flowId) {
    if (own != null) {
      Optional<FlowRecord> written = own.find(flowId);
      if (written.isPresent()) {
        return written;
      }
    }
    try {
      return connections.call(
          c -> {
            try (PreparedStatement select = c.prepareStatement(SELECT + " WHERE id = ?")) {
              select.setString(1, flowId);
              try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(FlowRows.read(row, failures)) : Optional.empty();
              }
            }
          });
    } catch (SQLException e) {
      throw failures.of("read flow " + flowId, e);
    }
  }

  @Override
  public Optional<FlowRecord> findByIdempotencyKey(@Nullable String accountId, String key) {
    String scoped = FlowExtras.scopedKey(accountId, key);
    try {
      return connections.call(
          c -> {
            try (PreparedStatement select =
                c.prepareStatement(SELECT + " WHERE idempotency_key = ?")) {
              select.setString(1, scoped);
              try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(FlowRows.read(row, failures)) : Optional.empty();
              }
            }
          });
    } catch (SQLException e) {
      throw failures.of("find the flow with idempotency key " + key, e);
    }
  }

  @Override
  public boolean compareAndSet(FlowRecord expected, FlowRecord next) {
    return GroupCommit.await(compareAndSetAsync(expected, next));
  }

  @Override
  public CompletableFuture<Boolean> compareAndSetAsync(FlowRecord expected, FlowRecord next) {
    checkUpdate(expected, next);
    CompletableFuture<Boolean> update = commit.compareAndSet(expected, next);
    return own == null ? update : own.written(update, next);
  }

  /** Queues every update at once; a batch the writer takes together is one transaction. */
  @Override
  public boolean[] compareAndSetAll(List<FlowRecord> expected, List<FlowRecord> next) {
    if (own == null) {
      return FlowUpdates.compareAndSetAll(commit, expected, next, PostgresFlowStore::checkUpdate);
    }
    if (expected.size() != next.size()) {
      throw new IllegalArgumentException(
          expected.size() + " expected records but " + next.size() + " replacements");
    }
    for (int i = 0; i < expected.size(); i++) {
      checkUpdate(expected.get(i), next.get(i));
    }
    List<CompletableFuture<Boolean>> pending = new ArrayList<>(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      pending.add(own.written(commit.compareAndSet(expected.get(i), next.get(i)), next.get(i)));
    }
    boolean[] replaced = new boolean[pending.size()];
    for (int i = 0; i < replaced.length; i++) {
      replaced[i] = GroupCommit.await(pending.get(i));
    }
    return replaced;
  }

  /**
   * Checks, before anything is queued, that {@code next} is the next version of the same flow and
   * that its times can be stored exactly.
   */
  private static void checkUpdate(FlowRecord expected, FlowRecord next) {
    FlowUpdates.checkNextVersion(expected, next);
    FlowRows.checkTimes(next);
  }

  @Override
  public boolean delete(FlowRecord expected) {
    CompletableFuture<Boolean> delete = commit.delete(expected);
    return GroupCommit.await(own == null ? delete : own.deleted(delete, expected));
  }

  @Override
  public List<FlowRecord> page(FlowPageRequest request) {
    return read(FlowListingQueries.page(request), "list flows by " + request.sortBy());
  }

  @Override
  public List<FlowRecord> findByStates(Set<FlowState> states, @Nullable String afterId, int limit) {
    return read(FlowListingQueries.byStates(states, afterId, limit), "find flows by state");
  }

  @Override
  public List<FlowRecord> findFinishedBefore(Instant cutoff, int limit) {
    return read(
        FlowListingQueries.finishedBefore(cutoff, limit), "find flows finished before " + cutoff);
  }

  @Override
  public long countUnfinished(String accountId) {
    try {
      return connections.call(
          c -> {
            try (PreparedStatement count =
                c.prepareStatement(
                    "SELECT count(*) FROM "
                        + FlowRows.TABLE
                        + " WHERE account_id = ? AND state IN (?, ?, ?, ?)")) {
              count.setString(1, accountId);
              int i = 2;
              for (FlowState state : FlowState.values()) {
                if (!state.isTerminal()) {
                  count.setInt(i++, state.ordinal());
                }
              }
              try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
              }
            }
          });
    } catch (SQLException e) {
      throw failures.of("count unfinished flows of account " + accountId, e);
    }
  }

  private List<FlowRecord> read(FlowListingQueries.Query query, String action) {
    if (query.isEmpty()) {
      return List.of();
    }
    try {
      return connections.call(
          c -> {
            try (PreparedStatement select = c.prepareStatement(query.sql())) {
              for (int i = 0; i < query.parameters().size(); i++) {
                select.setObject(i + 1, query.parameters().get(i));
              }
              try (ResultSet rows = select.executeQuery()) {
                return FlowRows.readAll(rows, failures);
              }
            }
          });
    } catch (SQLException e) {
      throw failures.of(action, e);
    }
  }
}
