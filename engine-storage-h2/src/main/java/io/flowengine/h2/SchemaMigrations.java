package io.flowengine.h2;

import io.flowengine.StorageException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the schema in a new database and migrates an older one, one numbered step at a time; the
 * version reached is kept in {@code FLOWENGINE_SCHEMA}. A database written by a newer release (a
 * higher version than this release knows) is refused, so an old release never writes to a schema it
 * does not understand. Each step's statements are idempotent, so a step interrupted by a crash runs
 * again cleanly on the next open. Immutable and thread-safe.
 *
 * @param steps the migration steps, in version order starting at 1
 */
record SchemaMigrations(List<Step> steps) {
  private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);

  /**
   * One migration step.
   *
   * @param version the schema version the step leads to
   * @param statements idempotent DDL/DML statements
   */
  record Step(int version, List<String> statements) {}

  SchemaMigrations {
    steps = List.copyOf(steps);
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).version() != i + 1) {
        throw new IllegalArgumentException("step " + i + " has version " + steps.get(i).version());
      }
    }
  }

  /** The schema of this release. */
  static SchemaMigrations current() {
    return new SchemaMigrations(
        List.of(new Step(1, SchemaV1.STATEMENTS), new Step(2, SchemaV2.STATEMENTS)));
  }

  /** Returns the version this release writes. */
  int latest() {
    return steps.size();
  }

  /**
   * Brings the database to {@link #latest()}.
   *
   * @return the version the database had before (0 for a new one)
   * @throws StorageException if the database has a newer schema than this release knows
   */
  int migrate(Connection connection, StorageFailures failures) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS FLOWENGINE_SCHEMA (VERSION INT NOT NULL)");
      int found = readVersion(statement);
      if (found > latest()) {
        throw new StorageException(
            failures.database()
                + " has schema version "
                + found
                + ", written by a newer flowengine release; this release knows versions up to "
                + latest()
                + ". Use the newer release, or another directory.");
      }
      for (Step step : steps.subList(found, steps.size())) {
        for (String sql : step.statements()) {
          statement.execute(sql);
        }
        statement.executeUpdate("DELETE FROM FLOWENGINE_SCHEMA");
        statement.executeUpdate(
            "INSERT INTO FLOWENGINE_SCHEMA (VERSION) VALUES (" + step.version() + ")");
        log.info("{} migrated to schema version {}", failures.database(), step.version());
      }
      return found;
    }
  }

  private static int readVersion(Statement statement) throws SQLException {
    try (ResultSet rows = statement.executeQuery("SELECT MAX(VERSION) FROM FLOWENGINE_SCHEMA")) {
      rows.next();
      return rows.getInt(1);
    }
  }
}
