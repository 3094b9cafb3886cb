package io.flowengine.h2;

import io.flowengine.jdbc.FlowSql;
import io.flowengine.jdbc.FlowStatements;
import io.flowengine.spi.FlowRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.h2.api.ErrorCode;

/**
 * How the group commit writes {@code FLOWS} rows on H2: the storage's own statements and row
 * binding ({@link FlowRows}), a duplicate key as {@link IllegalStateException}, every other error
 * through {@link StorageFailures}. H2 undoes only the failed statement, not its transaction.
 * Immutable and thread-safe.
 */
record H2FlowSql(StorageFailures failures) implements FlowSql {
  @Override
  public FlowStatements prepare(Connection connection) throws SQLException {
    return new Statements(
        connection.prepareStatement(FlowRows.INSERT),
        connection.prepareStatement(FlowRows.COMPARE_AND_SET),
        connection.prepareStatement("DELETE FROM FLOWS WHERE ID = ? AND VERSION = ?"));
  }

  @Override
  public RuntimeException failure(String action, SQLException e) {
    if (e.getErrorCode() == ErrorCode.DUPLICATE_KEY_1) {
      return new IllegalStateException(action + ": the flow already exists", e);
    }
    return failures.of(action, e);
  }

  @Override
  public boolean statementFailureKeepsTransaction() {
    return true;
  }

  private record Statements(
      PreparedStatement insert, PreparedStatement update, PreparedStatement delete)
      implements FlowStatements {
    @Override
    public void insert(FlowRecord record) throws SQLException {
      FlowRows.bindInsert(insert, record);
      insert.executeUpdate();
    }

    @Override
    public boolean compareAndSet(FlowRecord expected, FlowRecord next) throws SQLException {
      FlowRows.bindCompareAndSet(update, expected, next);
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
