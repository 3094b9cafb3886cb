package io.flowengine.h2;

import io.flowengine.FlowState;
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
import org.h2.api.ErrorCode;
import org.jspecify.annotations.Nullable;

/**
 * A {@link FlowStore} on the {@code FLOWS} table. Each call is one auto-committed statement (a
 * listing is several reads), so it is durable as the storage's durability mode says once it
 * returns. Compare-and-set is {@code UPDATE ... WHERE ID = ? AND VERSION = ?}: H2 locks the row and
 * re-checks the version, so of racing updates exactly one changes it. Thread-safe.
 */
final class H2FlowStore implements FlowStore {
  private static final String SELECT = "SELECT " + FlowRows.COLUMNS + " FROM FLOWS ";

  private final ConnectionPool pool;
  private final StorageFailures failures;

  H2FlowStore(ConnectionPool pool, StorageFailures failures) {
    this.pool = pool;
    this.failures = failures;
  }

  @Override
  public void insert(FlowRecord record) {
    try {
      pool.call(
          c -> {
            try (PreparedStatement insert = c.prepareStatement(FlowRows.INSERT)) {
              FlowRows.bindInsert(insert, record);
              return insert.executeUpdate();
            }
          });
    } catch (SQLException e) {
      if (e.getErrorCode() == ErrorCode.DUPLICATE_KEY_1) {
        throw new IllegalStateException("flow " + record.id() + " already exists", e);
      }
      throw failures.of("insert flow " + record.id(), e);
    }
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
  public boolean compareAndSet(FlowRecord expected, FlowRecord next) {
    checkUpdate(expected, next);
    try {
      return pool.call(
          c -> {
            try (PreparedStatement update = c.prepareStatement(FlowRows.COMPARE_AND_SET)) {
              FlowRows.bindCompareAndSet(update, expected, next);
              return update.executeUpdate() == 1;
            }
          });
    } catch (SQLException e) {
      throw failures.of("update flow " + expected.id() + " from version " + expected.version(), e);
    }
  }

  /** Applies the updates as one JDBC batch in one transaction: all of them or, on failure, none. */
  @Override
  public boolean[] compareAndSetAll(List<FlowRecord> expected, List<FlowRecord> next) {
    if (expected.size() != next.size()) {
      throw new IllegalArgumentException(
          expected.size() + " expected records but " + next.size() + " replacements");
    }
    for (int i = 0; i < expected.size(); i++) {
      checkUpdate(expected.get(i), next.get(i));
    }
    boolean[] replaced = new boolean[expected.size()];
    if (replaced.length == 0) {
      return replaced;
    }
    try {
      int[] counts =
          pool.call(
              c -> {
                c.setAutoCommit(false);
                try (PreparedStatement update = c.prepareStatement(FlowRows.COMPARE_AND_SET)) {
                  for (int i = 0; i < replaced.length; i++) {
                    FlowRows.bindCompareAndSet(update, expected.get(i), next.get(i));
                    update.addBatch();
                  }
                  int[] updated = update.executeBatch();
                  c.commit();
                  c.setAutoCommit(true);
                  return updated;
                }
              });
      for (int i = 0; i < replaced.length; i++) {
        replaced[i] = counts[i] == 1;
      }
      return replaced;
    } catch (SQLException e) {
      throw failures.of("update " + replaced.length + " flows (nothing was changed)", e);
    }
  }

  private static void checkUpdate(FlowRecord expected, FlowRecord next) {
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
  }

  @Override
  public boolean delete(FlowRecord expected) {
    try {
      return pool.call(
          c -> {
            try (PreparedStatement delete =
                c.prepareStatement("DELETE FROM FLOWS WHERE ID = ? AND VERSION = ?")) {
              delete.setString(1, expected.id());
              delete.setLong(2, expected.version());
              return delete.executeUpdate() == 1;
            }
          });
    } catch (SQLException e) {
      throw failures.of("delete flow " + expected.id(), e);
    }
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
