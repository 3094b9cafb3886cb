package io.flowengine.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What differs between databases in writing flow rows: the statements and the binding of a row
 * ({@link #prepare}), and what an error means ({@link #failure}). A store implements it once;
 * {@link GroupCommit} does the rest. Implementations must be thread-safe; the statements they
 * prepare are used by one thread at a time.
 */
public interface FlowSql {
  /**
   * Prepares the statements that write flow rows on {@code connection}, which is in manual-commit
   * mode and is used by the writer thread alone until it is closed.
   *
   * @throws SQLException if they cannot be prepared
   */
  FlowStatements prepare(Connection connection) throws SQLException;

  /**
   * Returns the exception that the caller of one change gets for {@code e}: an {@link
   * IllegalStateException} for an insert of a flow that exists (a duplicate key), otherwise a
   * {@link io.flowengine.StorageException} that names the database and {@code action}.
   *
   * @param action what was being done, e.g. {@code "update flow x from version 3"}
   */
  RuntimeException failure(String action, SQLException e);

  /**
   * Returns whether a failed statement leaves the rest of its transaction usable (H2: yes, only the
   * statement is undone; PostgreSQL: no, the transaction is aborted). When it does not, {@link
   * GroupCommit} rolls the batch back and writes it again without the failed change.
   */
  default boolean statementFailureKeepsTransaction() {
    return false;
  }
}
