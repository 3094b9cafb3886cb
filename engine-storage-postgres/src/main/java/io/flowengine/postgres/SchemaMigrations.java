package io.flowengine.postgres;

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
 * version reached is kept in {@code flowengine_schema}. The whole migration is one transaction (DDL
 * is transactional in PostgreSQL) under a transaction-scoped advisory lock, so nodes opening the
 * same database at once migrate it once, and a crash mid-way leaves the previous version intact. A
 * database written by a newer release (a higher version than this release knows) is refused and
 * left unchanged. Each step's statements are idempotent as well. Immutable and thread-safe.
 *
 * @param steps the migration steps, in version order starting at 1
 */
record SchemaMigrations(List<Step> steps) {
  private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);

  /** The advisory lock key migrations hold: the bytes of "flowengn". */
  static final long LOCK_KEY = 0x666c6f77656e676eL;

  /**
   * One migration step.
   *
   * @param version the schema version the step leads to
   * @param statements idempotent DDL/DML statements
   */
  record Step(int version, List<String> statements) {
    Step {
      statements = List.copyOf(statements);
    }
  }

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
        List.of(
            new Step(1, SchemaV1.STATEMENTS),
            new Step(2, SchemaV2.STATEMENTS),
            new Step(3, SchemaV3.STATEMENTS),
            new Step(4, SchemaV4.STATEMENTS),
            new Step(5, SchemaV5.STATEMENTS),
            new Step(6, SchemaV6.STATEMENTS)));
  }

  /** Returns the version this release writes. */
  int latest() {
    return steps.size();
  }

  /**
   * Brings the database to {@link #latest()} in one transaction on {@code connection}.
   *
   * @return the version the database had before (0 for a new one)
   * @throws StorageException if the database has a newer schema than this release knows
   */
  int migrate(Connection connection, PostgresFailures failures) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      statement.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
      statement.execute("CREATE TABLE IF NOT EXISTS flowengine_schema (version integer NOT NULL)");
      int found = readVersion(statement);
      if (found > latest()) {
        throw new StorageException(
            failures.database()
                + " has schema version "
                + found
                + ", written by a newer flowengine release; this release knows versions up to "
                + latest()
                + ". Use the newer release, or another database or schema.");
      }
      for (Step step : steps.subList(found, steps.size())) {
        for (String sql : step.statements()) {
          statement.execute(sql);
        }
        statement.executeUpdate("DELETE FROM flowengine_schema");
        statement.executeUpdate(
            "INSERT INTO flowengine_schema (version) VALUES (" + step.version() + ")");
      }
      connection.commit();
      if (found < latest()) {
        log.info("{} migrated from schema version {} to {}", failures.database(), found, latest());
      }
      return found;
    } catch (SQLException | RuntimeException e) {
      Connections.rollbackQuietly(connection);
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private static int readVersion(Statement statement) throws SQLException {
    try (ResultSet rows =
        statement.executeQuery("SELECT COALESCE(MAX(version), 0) FROM flowengine_schema")) {
      rows.next();
      return rows.getInt(1);
    }
  }
}
