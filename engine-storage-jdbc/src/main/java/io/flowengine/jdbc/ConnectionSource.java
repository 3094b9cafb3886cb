package io.flowengine.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where a {@link GroupCommit} gets its writer's connection: once when it starts, and again after
 * the connection broke (a database server that restarted or dropped it). Each call returns a new
 * connection that the writer owns and closes. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface ConnectionSource {
  /**
   * Opens a new connection.
   *
   * @throws SQLException if the database cannot be reached
   */
  Connection open() throws SQLException;
}
