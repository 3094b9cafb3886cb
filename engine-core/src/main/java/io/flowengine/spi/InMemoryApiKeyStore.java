package io.flowengine.spi;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** An {@link ApiKeyStore} in memory. Thread-safe. */
final class InMemoryApiKeyStore implements ApiKeyStore {
  private final ConcurrentHashMap<String, ApiKeyRecord> keys = new ConcurrentHashMap<>();

  @Override
  public void insert(ApiKeyRecord key) {
    if (keys.putIfAbsent(key.id(), key) != null) {
      throw new IllegalStateException("API key " + key.id() + " already exists");
    }
  }

  @Override
  public Optional<ApiKeyRecord> find(String keyId) {
    return Optional.ofNullable(keys.get(keyId));
  }

  @Override
  public List<ApiKeyRecord> list(String accountId) {
    return keys.values().stream()
        .filter(key -> key.accountId().equals(accountId))
        .sorted(Comparator.comparing(ApiKeyRecord::createdAt).thenComparing(ApiKeyRecord::id))
        .toList();
  }

  @Override
  public boolean revoke(String keyId, Instant revokedAt) {
    AtomicBoolean revoked = new AtomicBoolean();
    keys.computeIfPresent(
        keyId,
        (id, key) -> {
          if (key.revokedAt() != null) {
            return key;
          }
          revoked.set(true);
          return new ApiKeyRecord(
              key.id(),
              key.accountId(),
              key.name(),
              key.secretHash(),
              key.createdAt(),
              key.expiresAt(),
              key.lastUsedAt(),
              revokedAt);
        });
    return revoked.get();
  }

  @Override
  public void recordUse(String keyId, Instant usedAt) {
    keys.computeIfPresent(
        keyId,
        (id, key) ->
            new ApiKeyRecord(
                key.id(),
                key.accountId(),
                key.name(),
                key.secretHash(),
                key.createdAt(),
                key.expiresAt(),
                usedAt,
                key.revokedAt()));
  }
}
