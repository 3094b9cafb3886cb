package io.flowengine.samples.rest;

import java.io.Serial;

/** A request exceeds a limit of the server itself (not of the engine); answered 413. */
final class RequestTooLargeException extends RuntimeException {
  @Serial private static final long serialVersionUID = 1L;

  RequestTooLargeException(String message) {
    super(message);
  }
}
