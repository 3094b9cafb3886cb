package io.flowengine;

import static java.util.Objects.requireNonNull;

/**
 * A key just created, with its secret: the only time the secret is available. Hand it to the key's
 * user and forget it; the engine keeps only a hash. {@link #toString()} hides the secret. Immutable
 * and thread-safe.
 *
 * @param key the key's public description
 * @param secret the bearer token to pass to {@link FlowEngine#authenticate}
 */
public record NewApiKey(ApiKey key, String secret) {
  /** Checks both parts are present. */
  public NewApiKey {
    requireNonNull(key, "key");
    requireNonNull(secret, "secret");
  }

  @Override
  public String toString() {
    return "NewApiKey[key=" + key + ", secret=<hidden>]";
  }
}
