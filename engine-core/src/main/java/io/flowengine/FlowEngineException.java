package io.flowengine;

import java.io.Serial;
import org.jspecify.annotations.Nullable;

/**
 * The root of every exception the engine throws for a request it cannot carry out. Subclasses carry
 * structured fields and name them in their message. A request that fails with one of them stored
 * nothing. Unchecked; instances are immutable.
 */
public abstract class FlowEngineException extends RuntimeException {
  @Serial private static final long serialVersionUID = 1L;

  /** Creates an exception with a message that explains the failure. */
  protected FlowEngineException(String message) {
    super(message);
  }

  /** Creates an exception with a message and the cause. */
  protected FlowEngineException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }

  /** Returns the message, never null: every exception of the family is made with one. */
  @Override
  public String getMessage() {
    String message = super.getMessage();
    return message != null ? message : getClass().getName();
  }
}
