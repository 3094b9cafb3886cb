package io.flowengine;

import java.io.Serial;

/**
 * An API key is unknown, malformed, expired or revoked. The message is the same in every case, so a
 * caller learns nothing about which. Immutable.
 */
public final class AuthenticationException extends FlowEngineException {
  @Serial private static final long serialVersionUID = 1L;

  /** Creates the exception; its message never says why the key was refused. */
  public AuthenticationException() {
    super("invalid API key");
  }
}
