package io.flowengine.samples.rest;

import java.io.Serial;

/** A request carries no {@code Authorization: Bearer <key>} header; answered 401. */
final class MissingApiKeyException extends RuntimeException {
  @Serial private static final long serialVersionUID = 1L;

  MissingApiKeyException() {
    super("missing API key: send the header Authorization: Bearer <API key>");
  }
}
