package io.flowengine.jdbc;

import io.flowengine.spi.FlowRecord;
import java.sql.SQLException;
import java.util.List;

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

  /**
   * Returns whether {@link #writeAll} sends its writes in fewer round trips than one each (JDBC
   * batches); then the group commit writes a batch's flows through it. Default: no.
   */
  default boolean writesAllAtOnce() {
    return false;
  }

  /**
   * Executes {@code writes}, which are of different flows, and returns for each whether it changed
   * its row (an insert: always true). The default executes them one at a time, in order; a store
   * whose driver sends a batch of statements in one round trip sends them together, in any order
   * (rows of different flows do not depend on each other).
   *
   * @throws SQLException if one of them fails; which one is not said: the caller rolls the
   *     transaction back and writes them one at a time to find out
   */
  default boolean[] writeAll(List<FlowWrite> writes) throws SQLException {
    boolean[] changed = new boolean[writes.size()];
    for (int i = 0; i < changed.length; i++) {
      FlowWrite write = writes.get(i);
      changed[i] =
          switch (write.kind()) {
            case INSERT -> {
              insert(write.written());
              yield true;
            }
            case COMPARE_AND_SET -> compareAndSet(write.expectedRecord(), write.written());
            case DELETE -> delete(write.expectedRecord());
          };
    }
    return changed;
  }

  /** Closes the statements. */
  @Override
  void close() throws SQLException;
}
