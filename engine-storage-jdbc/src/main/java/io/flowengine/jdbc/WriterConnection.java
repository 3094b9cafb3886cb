package io.flowengine.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The group commit writer's connection, its prepared statements and the {@link BatchWriter} on
 * them: opened from a {@link ConnectionSource} when first needed, forgotten when it breaks, and
 * opened again for the next batch. Used by the writer thread alone (and by {@code close()} once
 * that thread has ended); not thread-safe.
 */
final class WriterConnection {
  private static final Logger log = LoggerFactory.getLogger(WriterConnection.class);

  private final String name;
  private final ConnectionSource source;
  private final FlowSql sql;
  // Null after the connection broke, until it is reopened.
  private @Nullable Connection connection;
  private @Nullable FlowStatements statements;
  private @Nullable BatchWriter writer;

  WriterConnection(String name, ConnectionSource source, FlowSql sql) {
    this.name = name;
    this.source = source;
    this.sql = sql;
  }

  /**
   * Returns the writer on the current connection, opening a new connection first if there is none.
   *
   * @throws SQLException if a connection cannot be opened or its statements prepared
   */
  BatchWriter writer() throws SQLException {
    BatchWriter current = writer;
    if (current != null) {
      return current;
    }
    Connection opened = source.open();
    try {
      opened.setAutoCommit(false);
      FlowStatements prepared = sql.prepare(opened);
      BatchWriter created = new BatchWriter(opened, prepared, sql);
      connection = opened;
      statements = prepared;
      writer = created;
      return created;
    } catch (SQLException | RuntimeException e) {
      closeQuietly(opened);
      throw e;
    }
  }

  /** After a failed change: forgets the connection if it no longer works. */
  void dropIfBroken() {
    Connection current = connection;
    boolean valid;
    try {
      valid = current != null && current.isValid(5);
    } catch (SQLException e) {
      valid = false;
    }
    if (!valid) {
      log.warn("{}: the writer's connection broke; the next batch opens a new one", name);
      close();
    }
  }

  /** Closes the statements and the connection, if open. Idempotent. */
  void close() {
    FlowStatements prepared = statements;
    if (prepared != null) {
      try {
        prepared.close();
      } catch (SQLException e) {
        log.debug("{}: closing the statements failed", name, e);
      }
    }
    Connection current = connection;
    if (current != null) {
      closeQuietly(current);
    }
    statements = null;
    connection = null;
    writer = null;
  }

  private void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      log.debug("{}: closing the connection failed", name, e);
    }
  }
}
