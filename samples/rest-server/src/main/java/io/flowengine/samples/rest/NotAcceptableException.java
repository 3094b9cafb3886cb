package io.flowengine.samples.rest;

import java.io.Serial;

/**
 * A request's {@code Accept} header names neither JSON nor the asset's own media type; answered
 * 406.
 */
final class NotAcceptableException extends RuntimeException {
  @Serial private static final long serialVersionUID = 1L;

  NotAcceptableException(String message) {
    super(message);
  }
}
