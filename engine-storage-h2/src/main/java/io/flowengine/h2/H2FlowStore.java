package io.flowengine.h2;

import io.flowengine.FlowState;
import io.flowengine.jdbc.EpochMicros;
import io.flowengine.jdbc.FlowExtras;
import io.flowengine.jdbc.FlowUpdates;
import io.flowengine.jdbc.GroupCommit;
import io.flowengine.spi.FlowOrdering;
import io.flowengine.spi.FlowPageRequest;
import io.flowengine.spi.FlowRecord;
import io.flowengine.spi.FlowStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * A {@link FlowStore} on the {@code FLOWS} table. Every write goes through the storage's {@link
 * GroupCommit}: the writes that wait at the same moment share one transaction and one commit, and a
 * call returns once its own write is committed, so it is durable as the storage's durability mode
 * says. Compare-and-set is {@code UPDATE ... WHERE ID = ? AND VERSION = ?}, decided in the writer's
 * transaction in queue order, so of racing updates exactly one changes the row. Reads run on pooled
 * connections and see committed rows only. Thread-safe.
 */
final class H2FlowStore implements FlowStore {
  private static final String SELECT = "SELECT " + FlowRows.COLUMNS + " FROM FLOWS ";

  private final ConnectionPool pool;
  private final StorageFailures failures;
  private final GroupCommit commit;

  H2FlowStore(ConnectionPool pool, StorageFailures failures, GroupCommit commit) {
    this.pool = pool;
    this.failures = failures;
    this.commit = commit;
  }

  @Override
  public void insert(FlowRecord record) {
    GroupCommit.await(commit.insert(record));
  }

  /** Queues every insert at once, so they share as few transactions as the writer needs. */
  @Override
  public List<Optional<RuntimeException>> insertAll(List<FlowRecord> records) {
    List<CompletableFuture<Void>> pending = new ArrayList<>(records.size());
    for (FlowRecord record : records) {
      pending.add(commit.insert(record));
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
    try {
      return pool.call(
          c -> {
            try (PreparedStatement select = c.prepareStatement(SELECT + "WHERE ID = ?")) {
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
      return pool.call(
          c -> {
            try (PreparedStatement select =
                c.prepareStatement(SELECT + "WHERE IDEMPOTENCY_KEY = ?")) {
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
    return commit.compareAndSet(expected, next);
  }

  /** Queues every update at once; a batch the writer takes together is one transaction. */
  @Override
  public boolean[] compareAndSetAll(List<FlowRecord> expected, List<FlowRecord> next) {
    return FlowUpdates.compareAndSetAll(commit, expected, next, H2FlowStore::checkUpdate);
  }

  private static void checkUpdate(FlowRecord expected, FlowRecord next) {
    FlowUpdates.checkNextVersion(expected, next);
  }

  @Override
  public boolean delete(FlowRecord expected) {
    return GroupCommit.await(commit.delete(expected));
  }

  @Override
  public List<FlowRecord> page(FlowPageRequest request) {
    List<FlowListingQueries.Scan> scans = FlowListingQueries.scans(request);
    List<FlowRecord> rows = readScans(scans, "list flows by " + request.sortBy());
    return merged(
        rows,
        FlowOrdering.recordComparator(request.sortBy(), request.direction()),
        request.limit());
  }

  @Override
  public List<FlowRecord> findByStates(Set<FlowState> states, @Nullable String afterId, int limit) {
    List<FlowListingQueries.Scan> scans = new ArrayList<>();
    for (FlowState state : states) {
      List<Object> parameters = new ArrayList<>(List.of(state.ordinal()));
      if (afterId != null) {
        parameters.add(afterId);
      }
      parameters.add(limit);
      scans.add(
          new FlowListingQueries.Scan(
              SELECT
                  + "WHERE STATE = ?"
                  + (afterId != null ? " AND ID > ?" : "")
                  + " ORDER BY STATE, ID LIMIT ?",
              parameters));
    }
    return merged(
        readScans(scans, "find flows by state"), Comparator.comparing(FlowRecord::id), limit);
  }

  @Override
  public List<FlowRecord> findFinishedBefore(Instant cutoff, int limit) {
    long micros = EpochMicros.ofPosition(cutoff);
    // A cutoff inside a microsecond also takes the flows that finished in that microsecond.
    boolean wholeMicros = cutoff.truncatedTo(ChronoUnit.MICROS).equals(cutoff);
    List<FlowListingQueries.Scan> scans = new ArrayList<>();
    for (FlowState state : EnumSet.allOf(FlowState.class)) {
      if (state.isTerminal()) {
        scans.add(
            new FlowListingQueries.Scan(
                SELECT
                    + "WHERE STATE = ? AND FINISHED_US < ? ORDER BY STATE, FINISHED_US, ID LIMIT ?",
                List.of(state.ordinal(), micros + (wholeMicros ? 0 : 1), limit)));
      }
    }
    Comparator<FlowRecord> oldestFirst =
        Comparator.comparing(FlowRecord::finishedAt).thenComparing(FlowRecord::id);
    return merged(readScans(scans, "find flows finished before " + cutoff), oldestFirst, limit);
  }

  @Override
  public long countUnfinished(String accountId) {
    try {
      return pool.call(
          c -> {
            try (PreparedStatement count =
                c.prepareStatement(
                    "SELECT COUNT(*) FROM FLOWS WHERE ACCOUNT_ID = ? AND STATE IN (?, ?, ?, ?)")) {
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

  private List<FlowRecord> readScans(List<FlowListingQueries.Scan> scans, String action) {
    try {
      return pool.call(
          c -> {
            List<FlowRecord> rows = new ArrayList<>();
            for (FlowListingQueries.Scan scan : scans) {
              rows.addAll(read(c, scan));
            }
            return rows;
          });
    } catch (SQLException e) {
      throw failures.of(action, e);
    }
  }

  private List<FlowRecord> read(Connection c, FlowListingQueries.Scan scan) throws SQLException {
    try (PreparedStatement select = c.prepareStatement(scan.sql())) {
      for (int i = 0; i < scan.parameters().size(); i++) {
        select.setObject(i + 1, scan.parameters().get(i));
      }
      try (ResultSet rows = select.executeQuery()) {
        return FlowRows.readAll(rows, failures);
      }
    }
  }

  private static List<FlowRecord> merged(
      List<FlowRecord> rows, Comparator<FlowRecord> order, int limit) {
    rows.sort(order);
    return rows.size() > limit ? List.copyOf(rows.subList(0, limit)) : rows;
  }
}
