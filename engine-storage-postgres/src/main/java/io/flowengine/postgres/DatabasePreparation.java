package io.flowengine.postgres;

import io.flowengine.StorageException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * What opening a {@link PostgresStorage} does on its first connection: checks that the server is
 * PostgreSQL 15 or newer and writable, creates or migrates the schema ({@link SchemaMigrations})
 * and deletes what unfinished calls of this node left ({@link StrayAssets}). Stateless and
 * thread-safe.
 */
final class DatabasePreparation {
  private DatabasePreparation() {}

  /**
   * Connects once and prepares the database; returns the failures to report from then on, which
   * name the database by the server's own URL.
   *
   * @param described what the database is, for a failure to connect
   * @param node this node's id
   * @throws StorageException if the database cannot be reached, is too old or read-only, or has a
   *     newer schema
   */
  static PostgresFailures prepare(DataSource source, String described, String node) {
    PostgresFailures failures = new PostgresFailures(described);
    try (Connection c = source.getConnection()) {
      failures = new PostgresFailures(PostgresUrls.describe(c.getMetaData().getURL()));
      int major = c.getMetaData().getDatabaseMajorVersion();
      if (major < 15) {
        throw new StorageException(
            failures.database()
                + " runs PostgreSQL "
                + c.getMetaData().getDatabaseProductVersion()
                + "; flowengine needs PostgreSQL 15 or newer");
      }
      try (Statement s = c.createStatement();
          ResultSet row = s.executeQuery("SHOW transaction_read_only")) {
        if (row.next() && row.getString(1).equals("on")) {
          throw new StorageException(
              failures.database()
                  + " is read-only (a standby, or default_transaction_read_only is on);"
                  + " flowengine needs to write to it");
        }
      }
      SchemaMigrations.current().migrate(c, failures);
      StrayAssets.delete(c, node, failures);
      return failures;
    } catch (SQLException e) {
      throw failures.of("open the storage", e);
    }
  }
}
