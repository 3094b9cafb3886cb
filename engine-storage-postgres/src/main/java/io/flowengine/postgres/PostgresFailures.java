package io.flowengine.postgres;

import io.flowengine.StorageException;
import io.flowengine.jdbc.SqlFailures;
import java.sql.SQLException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Turns the driver's {@link SQLException}s into {@link StorageException}s whose message names the
 * database, what was being done, and the cause in words an operator can act on (from the SQLSTATE
 * class). Immutable and thread-safe.
 *
 * @param database what the database is, e.g. {@code "PostgreSQL database flows at db1:5432"}
 */
record PostgresFailures(String database) implements SqlFailures {
  /** SQLSTATE of a unique-constraint violation. */
  static final String UNIQUE_VIOLATION = "23505";

  /** SQLSTATE of an exclusion-constraint violation: a duplicate flow id. */
  static final String EXCLUSION_VIOLATION = "23P01";

  /** Returns the exception for {@code e}, raised while doing {@code action}. */
  @Override
  public StorageException of(String action, SQLException e) {
    return new StorageException("could not " + action + " in " + database + ": " + explain(e), e);
  }

  /** Returns the exception for a row that cannot be read back, e.g. an edited or damaged row. */
  @Override
  public StorageException corrupt(String what, RuntimeException e) {
    return new StorageException(what + " in " + database + " is corrupt: " + e.getMessage(), e);
  }

  @Override
  public boolean isDuplicateKey(SQLException e) {
    return isDuplicate(e);
  }

  /** Returns whether {@code e} reports a duplicate key. */
  static boolean isDuplicate(SQLException e) {
    return UNIQUE_VIOLATION.equals(e.getSQLState()) || EXCLUSION_VIOLATION.equals(e.getSQLState());
  }

  /**
   * Returns whether {@code e} means the connection broke, so that a change sent just before may or
   * may not have been committed.
   */
  static boolean isConnectionLoss(SQLException e) {
    String state = e.getSQLState();
    return state != null && (state.startsWith("08") || state.equals("57P01"));
  }

  static String explain(SQLException e) {
    String hint = hint(e.getSQLState());
    String message = Objects.requireNonNullElse(e.getMessage(), "SQL state " + e.getSQLState());
    String explained = hint == null ? message : hint + " [" + message + "]";
    if (isConnectionLoss(e)) {
      explained += "; a change sent on it may or may not have been committed";
    }
    return explained;
  }

  private static @Nullable String hint(@Nullable String state) {
    if (state == null) {
      return null;
    }
    return switch (state) {
      case "28000", "28P01" -> "the server refused the user or password";
      case "3D000" -> "the database does not exist";
      case "42501" -> "the user lacks a privilege it needs";
      case "53100" -> "the server's disk is full";
      case "53300" -> "the server has no free connection slot (max_connections)";
      case "55P03" -> "timed out waiting for a lock held by another call";
      case "57014" -> "the statement was cancelled or timed out";
      case "57P01", "57P02", "57P03" -> "the server is shutting down or restarting";
      case "40001", "40P01" -> "the transaction lost a conflict with another one";
      default ->
          state.startsWith("08")
              ? "the connection to the server failed or was lost (is it running and reachable?)"
              : state.startsWith("53") ? "the server ran out of a resource" : null;
    };
  }
}
