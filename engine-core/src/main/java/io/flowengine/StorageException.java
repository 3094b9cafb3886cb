package io.flowengine;

import java.io.Serial;
import org.jspecify.annotations.Nullable;

/**
 * A store could not read or write (disk full, database locked, corrupt data). The request may or
 * may not have been stored; the message says which when it is known. Immutable.
 */
public final class StorageException extends FlowEngineException {
  @Serial private static final long serialVersionUID = 1L;

  /** Creates the exception with a message and the underlying cause. */
  public StorageException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }

  /** Creates the exception with a message. */
  public StorageException(String message) {
    super(message);
  }
}
