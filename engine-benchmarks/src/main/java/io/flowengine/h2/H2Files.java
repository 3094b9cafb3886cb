package io.flowengine.h2;

import io.flowengine.spi.FlowRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.IntFunction;

/**
 * Direct JDBC access to an {@link H2Storage} database file for benchmarks: the URL the storage
 * itself uses, and a batched bulk insert through the storage's own row binding ({@link FlowRows}).
 * It sits in {@code io.flowengine.h2} (split across jars on the class path) because that binding is
 * package-private, and the JDBC baseline must write exactly what the engine writes.
 */
public final class H2Files {
  private H2Files() {}

  /**
   * Returns the JDBC URL of the database {@link H2Storage#open(Path)} keeps in {@code directory},
   * with the same settings as that default storage ({@link Durability#EVERY_COMMIT}), so the
   * baseline pays for the same durability.
   */
  public static String url(Path directory) {
    return url(directory, Durability.EVERY_COMMIT);
  }

  /** Returns the JDBC URL of the database in {@code directory} with {@code durability}'s delay. */
  public static String url(Path directory, Durability durability) {
    return H2Storage.jdbcUrl(directory)
        + ";DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64;LOCK_TIMEOUT=10000;WRITE_DELAY="
        + durability.writeDelayMillis()
        + ";MAX_COMPACT_TIME="
        + H2Storage.CLOSE_COMPACT_MILLIS;
  }

  /** Creates the schema in {@code directory} by opening and closing an {@link H2Storage}. */
  public static void createSchema(Path directory) {
    H2Storage.open(directory).close();
  }

  /** Opens a plain JDBC connection to the database in {@code directory}. */
  public static Connection connect(Path directory) throws SQLException {
    return DriverManager.getConnection(url(directory));
  }

  /** Opens a plain JDBC connection with {@code durability}'s write delay. */
  public static Connection connect(Path directory, Durability durability) throws SQLException {
    return DriverManager.getConnection(url(directory, durability));
  }

  /** Returns whether a database file exists in {@code directory}. */
  public static boolean exists(Path directory) {
    return Files.exists(directory.resolve(H2Storage.FILE_NAME));
  }

  /**
   * Inserts {@code count} records made by {@code records} in batches of 10,000 per transaction,
   * through {@link FlowRows#INSERT}.
   */
  public static void bulkInsert(Path directory, int count, IntFunction<FlowRecord> records)
      throws SQLException {
    try (Connection c = connect(directory)) {
      c.setAutoCommit(false);
      try (PreparedStatement insert = c.prepareStatement(FlowRows.INSERT)) {
        for (int i = 0; i < count; i++) {
          FlowRows.bindInsert(insert, records.apply(i));
          insert.addBatch();
          if ((i + 1) % 10_000 == 0 || i + 1 == count) {
            insert.executeBatch();
            c.commit();
          }
        }
      }
    }
  }

  /** Prepares the storage's versioned insert. */
  public static PreparedStatement prepareInsert(Connection c) throws SQLException {
    return c.prepareStatement(FlowRows.INSERT);
  }

  /** Prepares the storage's compare-and-set update. */
  public static PreparedStatement prepareCompareAndSet(Connection c) throws SQLException {
    return c.prepareStatement(FlowRows.COMPARE_AND_SET);
  }

  /** Inserts {@code record} with a prepared {@link #prepareInsert} statement. */
  public static void insert(PreparedStatement insert, FlowRecord record) throws SQLException {
    FlowRows.bindInsert(insert, record);
    insert.executeUpdate();
  }

  /** Replaces {@code expected} by {@code next}; returns whether the version matched. */
  public static boolean compareAndSet(
      PreparedStatement update, FlowRecord expected, FlowRecord next) throws SQLException {
    FlowRows.bindCompareAndSet(update, expected, next);
    return update.executeUpdate() == 1;
  }
}
