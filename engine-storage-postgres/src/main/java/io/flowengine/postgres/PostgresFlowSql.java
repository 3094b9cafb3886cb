package io.flowengine.postgres;

import io.flowengine.jdbc.FlowSql;
import io.flowengine.jdbc.FlowStatements;
import io.flowengine.spi.FlowRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * How the group commit writes {@code flowengine_flows} rows on PostgreSQL: the statements and row
 * binding of {@link FlowRows}, a duplicate id as {@link IllegalStateException}, every other error
 * through {@link PostgresFailures}. A failed statement aborts PostgreSQL's transaction, so the
 * group commit rolls the batch back and writes it again without the failed change (the default of
 * {@link FlowSql#statementFailureKeepsTransaction}). Compare-and-set is {@code UPDATE ... WHERE id
 * = ? AND version = ?}: PostgreSQL runs it under the row's lock and re-checks the condition on the
 * newest row version after waiting for a concurrent writer (READ COMMITTED), so of racing updates
 * exactly one changes the row. Immutable and thread-safe.
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
      FlowRows.bindValues(update, 1, next);
      update.setString(FlowRows.COUNT, expected.id());
      update.setLong(FlowRows.COUNT + 1, expected.version());
      return update.executeUpdate() == 1;
    }

    @Override
    public boolean delete(FlowRecord expected) throws SQLException {
      delete.setString(1, expected.id());
      delete.setLong(2, expected.version());
      return delete.executeUpdate() == 1;
    }

    @Override
    public void close() throws SQLException {
      insert.close();
      update.close();
      delete.close();
    }
  }
}
