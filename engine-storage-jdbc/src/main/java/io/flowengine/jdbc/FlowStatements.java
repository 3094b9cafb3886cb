package io.flowengine.jdbc;

import io.flowengine.spi.FlowRecord;
import java.sql.SQLException;

/**
 * The prepared statements that write flow rows on the writer's connection, inside the transaction
 * of the current batch ({@link FlowSql#prepare}). Not thread-safe: the writer thread alone uses
 * them.
 */
public interface FlowStatements extends AutoCloseable {
  /** Inserts {@code record} as a new row. */
  void insert(FlowRecord record) throws SQLException;

  /**
   * Replaces the row of {@code expected.id()} with {@code next} if its version is still {@code
   * expected.version()}. {@code next.version()} may be more than one above (several coalesced
   * changes written as one).
   *
   * @return whether the row was replaced
   */
  boolean compareAndSet(FlowRecord expected, FlowRecord next) throws SQLException;

  /**
   * Deletes the row of {@code expected.id()} if its version is still {@code expected.version()}.
   *
   * @return whether it was deleted
   */
  boolean delete(FlowRecord expected) throws SQLException;

  /** Closes the statements. */
  @Override
  void close() throws SQLException;
}
