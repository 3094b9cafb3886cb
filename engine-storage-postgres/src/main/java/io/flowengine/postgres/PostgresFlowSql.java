package io.flowengine.postgres;

import io.flowengine.jdbc.FlowSql;
import io.flowengine.jdbc.FlowStatements;
import io.flowengine.jdbc.FlowWrite;
import io.flowengine.spi.FlowRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * How the group commit writes {@code flowengine_flows} rows on PostgreSQL: the statements and row
 * binding of {@link FlowRows}, a duplicate id as {@link IllegalStateException}, every other error
 * through {@link PostgresFailures}. A failed statement aborts PostgreSQL's transaction, so the
 * group commit rolls the batch back and writes it again without the failed change (the default of
 * {@link FlowSql#statementFailureKeepsTransaction}). Compare-and-set is {@code UPDATE ... WHERE id
 * = ? AND version = ?}: PostgreSQL runs it under the row's lock and re-checks the condition on the
 * newest row version after waiting for a concurrent writer (READ COMMITTED), so of racing updates
 * exactly one changes the row. The writes of a batch's different flows go out as three JDBC batches
 * (inserts, compare-and-sets, deletes), which the driver pipelines: a round trip each, not one per
 * row; each row's count is still its own, so a compare-and-set whose version moved is told apart.
 * Immutable and thread-safe.
 */
record PostgresFlowSql(PostgresFailures failures) implements FlowSql {
  static final String INSERT =
      "INSERT INTO "
          + FlowRows.TABLE
          + " ("
          + FlowRows.COLUMNS
          + ") VALUES (?"
          + ", ?".repeat(FlowRows.COUNT - 1)
          + ")";

  static final String COMPARE_AND_SET =
      "UPDATE " + FlowRows.TABLE + " SET " + FlowRows.SET_VALUES + " WHERE id = ? AND version = ?";

  static final String DELETE = "DELETE FROM " + FlowRows.TABLE + " WHERE id = ? AND version = ?";

  @Override
  public FlowStatements prepare(Connection connection) throws SQLException {
    return new Statements(
        connection.prepareStatement(INSERT),
        connection.prepareStatement(COMPARE_AND_SET),
        connection.prepareStatement(DELETE));
  }

  @Override
  public RuntimeException failure(String action, SQLException e) {
    if (PostgresFailures.isDuplicate(e)) {
      return new IllegalStateException("could not " + action + ": it already exists", e);
    }
    return failures.of(action, e);
  }

  private record Statements(
      PreparedStatement insert, PreparedStatement update, PreparedStatement delete)
      implements FlowStatements {
    @Override
    public void insert(FlowRecord record) throws SQLException {
      insert.setString(1, record.id());
      FlowRows.bindValues(insert, 2, record);
      insert.executeUpdate();
    }

    @Override
    public boolean compareAndSet(FlowRecord expected, FlowRecord next) throws SQLException {
      bindCompareAndSet(expected, next);
      return update.executeUpdate() == 1;
    }

    @Override
    public boolean delete(FlowRecord expected) throws SQLException {
      bindDelete(expected);
      return delete.executeUpdate() == 1;
    }

    @Override
    public boolean writesAllAtOnce() {
      return true;
    }

    /**
     * Sends the inserts as one JDBC batch, then the compare-and-sets, then the deletes: the driver
     * pipelines each batch (one round trip), and each statement still reports its own row count.
     */
    @Override
    public boolean[] writeAll(List<FlowWrite> writes) throws SQLException {
      boolean[] changed = new boolean[writes.size()];
      int[] inserts = new int[writes.size()];
      int[] updates = new int[writes.size()];
      int[] deletes = new int[writes.size()];
      int insertCount = 0;
      int updateCount = 0;
      int deleteCount = 0;
      try {
        for (int i = 0; i < changed.length; i++) {
          FlowWrite write = writes.get(i);
          switch (write.kind()) {
            case INSERT -> {
              insert.setString(1, write.written().id());
              FlowRows.bindValues(insert, 2, write.written());
              insert.addBatch();
              inserts[insertCount++] = i;
            }
            case COMPARE_AND_SET -> {
              bindCompareAndSet(write.expectedRecord(), write.written());
              update.addBatch();
              updates[updateCount++] = i;
            }
            case DELETE -> {
              bindDelete(write.expectedRecord());
              delete.addBatch();
              deletes[deleteCount++] = i;
            }
          }
        }
        send(insert, inserts, insertCount, changed);
        send(update, updates, updateCount, changed);
        send(delete, deletes, deleteCount, changed);
        return changed;
      } finally {
        insert.clearBatch();
        update.clearBatch();
        delete.clearBatch();
      }
    }

    private static void send(PreparedStatement statement, int[] at, int count, boolean[] changed)
        throws SQLException {
      if (count == 0) {
        return;
      }
      int[] rows = statement.executeBatch();
      if (rows.length != count) {
        throw new SQLException(count + " statements sent together, " + rows.length + " answered");
      }
      for (int i = 0; i < count; i++) {
        changed[at[i]] = rows[i] == 1;
      }
    }

    private void bindCompareAndSet(FlowRecord expected, FlowRecord next) throws SQLException {
      FlowRows.bindValues(update, 1, next);
      update.setString(FlowRows.COUNT, expected.id());
      update.setLong(FlowRows.COUNT + 1, expected.version());
    }

    private void bindDelete(FlowRecord expected) throws SQLException {
      delete.setString(1, expected.id());
      delete.setLong(2, expected.version());
    }

    @Override
    public void close() throws SQLException {
      insert.close();
      update.close();
      delete.close();
    }
  }
}
