package io.flowengine.postgres;

import io.flowengine.jdbc.ConnectionSource;
import io.flowengine.jdbc.GroupCommit;
import io.flowengine.spi.CommitListener;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Starts the group commit of a {@link PostgresStorage} on a writer connection of its own, outside
 * the pool (it holds it for as long as the storage is open), with {@code synchronous_commit} on
 * whatever the server's default: a change is acknowledged only once the server flushed it to its
 * WAL. Outside cluster mode the writer's changes are not announced ({@link SchemaV4}). Stateless
 * and thread-safe.
 */
final class PostgresGroupCommit {
  private PostgresGroupCommit() {}

  /**
   * Returns the started group commit.
   *
   * @param direct where the writer's connection comes from: the driver itself where the storage has
   *     its own pool, else the host's data source
   * @param cluster whether other nodes listen for this node's changes
   * @param capacity how many writes may wait for the group commit
   * @throws io.flowengine.StorageException if the writer cannot connect
   */
  static GroupCommit start(
      DataSource direct,
      PostgresFailures failures,
      boolean cluster,
      int capacity,
      CommitListener commitListener) {
    ConnectionSource writer =
        () -> {
          Connection c = direct.getConnection();
          try (Statement s = c.createStatement()) {
            s.execute("SET synchronous_commit TO on");
            if (!cluster) { // no node listens: the writes need not be announced (SchemaV4)
              s.execute("SET " + SchemaV4.SETTING + " TO off");
            }
          } catch (SQLException e) {
            c.close();
            throw e;
          }
          return c;
        };
    try {
      return GroupCommit.start(
          "flowengine-postgres",
          writer,
          new PostgresFlowSql(failures),
          capacity,
          GroupCommit.DEFAULT_MAX_BATCH,
          commitListener);
    } catch (SQLException e) {
      throw failures.of("open the writer's connection", e);
    }
  }
}
