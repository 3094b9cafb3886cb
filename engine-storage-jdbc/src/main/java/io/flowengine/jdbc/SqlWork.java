package io.flowengine.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Statements a store runs inside a batch's transaction on the writer's connection, for writes that
 * are not flow rows (e.g. an asset's row). Never coalesced; it must not commit, roll back (except
 * to a savepoint of its own) or change the connection's settings.
 *
 * @param <T> what it returns to its caller
 */
@FunctionalInterface
public interface SqlWork<T> {
  /** Runs the statements and returns the caller's result. */
  T execute(Connection connection) throws SQLException;
}
