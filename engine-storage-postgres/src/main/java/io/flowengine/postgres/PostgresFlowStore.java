package io.flowengine.postgres;

import io.flowengine.FlowState;
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
import org.jspecify.annotations.Nullable;

/**
 * A {@link FlowStore} on {@code flowengine_flows}. Every change is a {@link FlowWrite} handed to
 * the {@link WritePath}; compare-and-set is {@code UPDATE ... WHERE id = ? AND version = ?}, which
 * PostgreSQL runs under the row's lock and re-checks after waiting for a concurrent writer (READ
 * COMMITTED re-evaluates the condition on the newest row version), so of racing updates exactly one
 * changes the row. Reads are single statements: a page is one {@code UNION ALL} of index scans
 * ({@link FlowListingQueries}). Thread-safe.
 */
final class PostgresFlowStore implements FlowStore {
  private static final String SELECT = "SELECT " + FlowRows.COLUMNS + " FROM " + FlowRows.TABLE;

  private final Connections connections;
  private final WritePath writes;
  private final PostgresFailures failures;

  PostgresFlowStore(Connections connections, WritePath writes) {
    this.connections = connections;
    this.writes = writes;
    this.failures = connections.failures();
  }

  @Override
  public void insert(FlowRecord record) {
    FlowWrite write = new FlowWrite.Insert(record);
    try {
      writes.apply(write);
    } catch (SQLException e) {
      if (PostgresFailures.isDuplicate(e)) {
        throw new IllegalStateException("flow " + record.id() + " already exists", e);
      }
      throw failures.of(write.action(), e);
    }
  }

  @Override
  public Optional<FlowRecord> find(String flowId) {
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
  public boolean compareAndSet(FlowRecord expected, FlowRecord next) {
    FlowWrite write = new FlowWrite.CompareAndSet(expected, next);
    try {
      return writes.apply(write);
    } catch (SQLException e) {
      throw failures.of(write.action(), e);
    }
  }

  /** Applies the updates as one JDBC batch in one transaction: all of them or, on failure, none. */
  @Override
  public boolean[] compareAndSetAll(List<FlowRecord> expected, List<FlowRecord> next) {
    if (expected.size() != next.size()) {
      throw new IllegalArgumentException(
          expected.size() + " expected records but " + next.size() + " replacements");
    }
    List<FlowWrite> updates = new ArrayList<>(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      updates.add(new FlowWrite.CompareAndSet(expected.get(i), next.get(i)));
    }
    try {
      return writes.applyAll(updates);
    } catch (SQLException e) {
      throw failures.of("update " + updates.size() + " flows (nothing was changed)", e);
    }
  }

  @Override
  public boolean delete(FlowRecord expected) {
    FlowWrite write = new FlowWrite.Delete(expected);
    try {
      return writes.apply(write);
    } catch (SQLException e) {
      throw failures.of(write.action(), e);
    }
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
