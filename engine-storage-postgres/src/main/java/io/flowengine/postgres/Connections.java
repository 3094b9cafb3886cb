package io.flowengine.postgres;

import io.flowengine.jdbc.SqlConnections;
import io.flowengine.jdbc.SqlWork;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Borrows connections from the storage's {@link DataSource} (its HikariCP pool, or the host's) for
 * one unit of work and gives them back: {@link #call} in auto-commit mode, {@link #inTransaction}
 * as one transaction, committed when the work returns and rolled back when it throws. A connection
 * the pool cannot hand out within its timeout is the pool's {@link SQLException}, which the stores
 * turn into a {@link io.flowengine.StorageException} naming the database. Thread-safe.
 */
final class Connections implements SqlConnections {
  private static final Logger log = LoggerFactory.getLogger(Connections.class);

  private final DataSource source;
  private final PostgresFailures failures;

  Connections(DataSource source, PostgresFailures failures) {
    this.source = source;
    this.failures = failures;
  }

  PostgresFailures failures() {
    return failures;
  }

  /**
   * Runs {@code work} on a connection in auto-commit mode: each statement commits on its own.
   *
   * @throws SQLException what {@code work} threw, or the pool's failure to connect
   */
  @Override
  public <T> T call(SqlWork<T> work) throws SQLException {
    try (Connection connection = source.getConnection()) {
      if (!connection.getAutoCommit()) {
        connection.setAutoCommit(true);
      }
      return work.execute(connection);
    }
  }

  /**
   * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws.
   *
   * @throws SQLException what {@code work} or the commit threw
   */
  <T> T inTransaction(SqlWork<T> work) throws SQLException {
    try (Connection connection = source.getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.execute(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        rollbackQuietly(connection);
        throw e;
      } finally {
        restoreAutoCommit(connection);
      }
    }
  }

  /** Opens a connection the caller owns and closes; for streams that outlive a call. */
  Connection open() throws SQLException {
    return source.getConnection();
  }

  static void rollbackQuietly(Connection connection) {
    try {
      if (!connection.isClosed()) {
        connection.rollback();
      }
    } catch (SQLException e) {
      log.debug("rollback failed (the connection is probably broken)", e);
    }
  }

  private static void restoreAutoCommit(Connection connection) {
    try {
      if (!connection.isClosed()) {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      log.debug("could not restore auto-commit", e);
    }
  }
}
