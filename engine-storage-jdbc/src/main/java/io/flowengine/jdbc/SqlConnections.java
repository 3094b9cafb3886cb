package io.flowengine.jdbc;

import java.sql.SQLException;

/**
 * Where a SQL store borrows a connection for one unit of work: a pool or a {@link
 * javax.sql.DataSource}. The connection is in auto-commit mode, so each statement commits on its
 * own, and it goes back when the work returns or throws. Implementations are thread-safe.
 */
public interface SqlConnections {
  /**
   * Runs {@code work} on a borrowed connection and returns its result.
   *
   * @throws SQLException what {@code work} threw, or the failure to get a connection
   */
  <T> T call(SqlWork<T> work) throws SQLException;
}
