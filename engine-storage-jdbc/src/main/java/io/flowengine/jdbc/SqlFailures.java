package io.flowengine.jdbc;

import io.flowengine.StorageException;
import java.sql.SQLException;

/**
 * What a database's errors mean, in the words of {@link StorageException}: each message names the
 * database, what was being done and the cause. Implementations are immutable and thread-safe.
 */
public interface SqlFailures {
  /**
   * Returns the exception for {@code e}, raised while doing {@code action} (e.g. "update flow x").
   */
  StorageException of(String action, SQLException e);

  /** Returns the exception for a row that cannot be read back, e.g. an edited or damaged row. */
  StorageException corrupt(String what, RuntimeException e);

  /** Returns whether {@code e} reports a duplicate key (a unique or primary key violated). */
  boolean isDuplicateKey(SQLException e);
}
