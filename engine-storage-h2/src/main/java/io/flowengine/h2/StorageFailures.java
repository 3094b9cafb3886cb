package io.flowengine.h2;

import com.google.common.base.Throwables;
import io.flowengine.StorageException;
import io.flowengine.jdbc.SqlFailures;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import org.h2.api.ErrorCode;

/**
 * Turns H2's {@link SQLException}s into {@link StorageException}s whose message names the database,
 * what was being done, and the cause in words a host's operator can act on. Immutable and
 * thread-safe.
 *
 * @param database what the database is, e.g. {@code "H2 database /data/flowengine.mv.db"}
 */
record StorageFailures(String database) implements SqlFailures {

  /**
   * Returns the exception for {@code e}, raised while doing {@code action} (e.g. "update flow x").
   */
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
    return e.getErrorCode() == ErrorCode.DUPLICATE_KEY_1;
  }

  static String explain(SQLException e) {
    String hint =
        switch (e.getErrorCode()) {
          case ErrorCode.DATABASE_ALREADY_OPEN_1 ->
              "the database file is in use by another process (only one process may open it)";
          case ErrorCode.FILE_CORRUPTED_1 -> "the file is not an H2 database or is damaged";
          case ErrorCode.DATABASE_IS_READ_ONLY -> "the database is read-only";
          case ErrorCode.FILE_CREATION_FAILED_1,
              ErrorCode.IO_EXCEPTION_1,
              ErrorCode.IO_EXCEPTION_2 ->
              "an I/O error (is the disk full or the directory not writable?)";
          case ErrorCode.LOCK_TIMEOUT_1 -> "timed out waiting for a row lock held by another call";
          case ErrorCode.OUT_OF_MEMORY -> "out of memory";
          default -> null;
        };
    String message = Objects.requireNonNullElse(e.getMessage(), e.toString());
    String explained = hint == null ? message : hint + " [" + message + "]";
    // The root cause names what started it, e.g. the file system's "No space left on device".
    List<Throwable> chain = Throwables.getCausalChain(e);
    return chain.size() == 1 ? explained : explained + "; caused by " + chain.getLast();
  }
}
