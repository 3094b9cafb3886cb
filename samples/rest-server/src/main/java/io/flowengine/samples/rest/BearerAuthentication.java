package io.flowengine.samples.rest;

import io.flowengine.AuthenticationException;
import io.flowengine.FlowEngine;
import io.flowengine.FlowOperations;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.util.Locale;

/**
 * Authenticates a request by its {@code Authorization: Bearer <API key>} header and returns the
 * engine's operations of the key's account; every route starts here, so every call is authenticated
 * and sees only its own account's flows. Thread-safe.
 */
final class BearerAuthentication {
  private static final String SCHEME = "bearer ";

  private final FlowEngine engine;

  BearerAuthentication(FlowEngine engine) {
    this.engine = engine;
  }

  /**
   * Returns the operations of the account the request's key belongs to.
   *
   * @throws MissingApiKeyException if there is no bearer token
   * @throws AuthenticationException if the key is unknown, expired or revoked
   */
  FlowOperations operations(ServerRequest request) {
    String header = request.headers().first(HeaderNames.AUTHORIZATION).orElse("").strip();
    if (!header.toLowerCase(Locale.ROOT).startsWith(SCHEME)) {
      throw new MissingApiKeyException();
    }
    String key = header.substring(SCHEME.length()).strip();
    if (key.isEmpty()) {
      throw new MissingApiKeyException();
    }
    return engine.authenticate(key);
  }
}
