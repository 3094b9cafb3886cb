package io.flowengine.h2;

import io.flowengine.StorageException;
import io.flowengine.jdbc.GroupCommit;
import io.flowengine.jdbc.JdbcApiKeyStore;
import io.flowengine.spi.CommitListener;
import io.flowengine.spi.FlowStore;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The steps of opening an {@link H2Storage} at an {@link H2Location}: the anchor connection, a
 * check that the database is writable, the replay of a journal a crash left, the schema's creation
 * or migration, the deletion of {@link StrayAssets}, the journal, the group commit and the stores.
 * Stateless; each call opens a storage of its own.
 */
final class H2Opening {
  private H2Opening() {}

  /**
   * Opens the storage; on failure closes what it opened.
   *
   * @param connections how many pooled connections short calls share
   * @param timeout how long a call waits for a row lock or a free connection
   * @param queueCapacity how many writes may wait for the group commit
   * @param cacheSize how many flow records the read cache holds; 0 for none
   * @throws StorageException if the database cannot be opened or prepared
   */
  static H2Storage open(
      H2Location location,
      int connections,
      Duration timeout,
      int queueCapacity,
      CommitListener commitListener,
      long cacheSize) {
    String description = location.description();
    StorageFailures failures = new StorageFailures(description);
    ConnectionPool pool = new ConnectionPool(location.url(), failures, connections, timeout);
    Connection anchor;
    try {
      anchor = pool.openDedicated();
    } catch (SQLException e) {
      throw failures.of("open", e);
    }
    GroupCommit commit;
    Journal journal = null;
    JournalCheckpoints checkpoints = null;
    Path journalDir = location.journal();
    try {
      refuseReadOnly(anchor, failures);
      if (journalDir != null) {
        replay(journalDir, anchor, description);
      }
      SchemaMigrations.current().migrate(anchor, failures);
      StrayAssets.delete(anchor, failures);
      if (journalDir != null) {
        sync(anchor);
        journal = startJournal(journalDir, description);
        pool.journal(journal);
        checkpoints = new JournalCheckpoints(journal, () -> sync(anchor));
      }
      commit =
          GroupCommit.start(
              "flowengine-h2",
              pool.openDedicated(),
              new H2FlowSql(failures),
              queueCapacity,
              GroupCommit.DEFAULT_MAX_BATCH,
              commitListener);
    } catch (SQLException | RuntimeException e) {
      if (checkpoints != null) {
        checkpoints.close();
      }
      if (journal != null) {
        journal.close();
      }
      ConnectionPool.quietlyClose(anchor);
      throw e instanceof SQLException sql
          ? failures.of("prepare the schema", sql)
          : (RuntimeException) e;
    }
    FlowStore flows = new H2FlowStore(pool, failures, commit);
    return new H2Storage(
        new OpenDatabase(description, anchor, journal, checkpoints, location.file()),
        pool,
        commit,
        cacheSize == 0 ? flows : new CachingFlowStore(flows, cacheSize),
        new H2AssetStore(pool, failures, commit),
        new JdbcApiKeyStore("API_KEYS", pool, failures));
  }

  private static void replay(Path journalDir, Connection anchor, String description)
      throws SQLException {
    try {
      JournalReplay.replay(journalDir, anchor);
    } catch (IOException e) {
      throw new StorageException(
          description + ": could not read the journal in " + journalDir + ": " + e, e);
    }
  }

  private static Journal startJournal(Path journalDir, String description) {
    try {
      return Journal.start(journalDir);
    } catch (IOException e) {
      throw new StorageException(
          description + ": could not start the journal in " + journalDir + ": " + e, e);
    }
  }

  private static void sync(Connection anchor) throws SQLException {
    try (Statement statement = anchor.createStatement()) {
      statement.execute("CHECKPOINT SYNC");
    }
  }

  private static void refuseReadOnly(Connection connection, StorageFailures failures)
      throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT READONLY()")) {
      row.next();
      if (row.getBoolean(1)) {
        throw new StorageException(
            failures.database()
                + " is read-only (file or directory permissions);"
                + " flowengine needs to write to it");
      }
    }
  }
}
