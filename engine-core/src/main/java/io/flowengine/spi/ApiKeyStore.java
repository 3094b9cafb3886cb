package io.flowengine.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Keeps API keys (hashes, never secrets). Implementations must be thread-safe; {@code
 * io.flowengine.tck.ApiKeyStoreContract} (artifact engine-tck) is the suite every implementation
 * must pass.
 */
public interface ApiKeyStore {
  /**
   * Stores a new key.
   *
   * @throws IllegalStateException if a key with the same id exists
   */
  void insert(ApiKeyRecord key);

  /** Returns a key by id, revoked or not. */
  Optional<ApiKeyRecord> find(String keyId);

  /** Returns an account's keys, oldest first. */
  List<ApiKeyRecord> list(String accountId);

  /**
   * Marks a key revoked.
   *
   * @return false if there is no such key or it was already revoked
   */
  boolean revoke(String keyId, Instant revokedAt);

  /** Records that a key authenticated a call at {@code usedAt}; best effort. */
  void recordUse(String keyId, Instant usedAt);
}
