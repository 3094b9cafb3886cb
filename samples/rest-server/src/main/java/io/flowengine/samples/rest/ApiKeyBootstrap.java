package io.flowengine.samples.rest;

import io.flowengine.FlowEngine;
import io.flowengine.NewApiKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Gives the server's single local account an API key on first start: a key is created only when the
 * account has no active one in the engine's storage (or when asked for), and its secret is returned
 * this once. Stateless.
 */
final class ApiKeyBootstrap {
  /** The account the server's keys act for. */
  static final String ACCOUNT = "local";

  /** How long a created key works. */
  static final Duration KEY_LIFETIME = Duration.ofDays(365);

  private ApiKeyBootstrap() {}

  /**
   * Returns a new key if the account has no active key or {@code always} is set; otherwise empty,
   * the existing key still works.
   */
  static Optional<NewApiKey> ensureKey(FlowEngine engine, Instant now, boolean always) {
    boolean hasActiveKey =
        engine.apiKeys().list(ACCOUNT).stream().anyMatch(key -> key.isActiveAt(now));
    if (hasActiveKey && !always) {
      return Optional.empty();
    }
    String name = hasActiveKey ? "rest-server (--new-key)" : "rest-server first start";
    // whole seconds: the H2 key store keeps microseconds and refuses finer instants
    Instant expiresAt = now.plus(KEY_LIFETIME).truncatedTo(ChronoUnit.SECONDS);
    return Optional.of(engine.apiKeys().create(ACCOUNT, name, expiresAt));
  }
}
