package io.flowengine.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.flowengine.ApiKey;
import io.flowengine.ApiKeys;
import io.flowengine.AuthenticationException;
import io.flowengine.InvalidRequestException;
import io.flowengine.NewApiKey;
import io.flowengine.NotFoundException;
import io.flowengine.Violation;
import io.flowengine.spi.ApiKeyRecord;
import io.flowengine.spi.ApiKeyStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API keys: creation (the secret leaves only once), listing, revocation, and the verification
 * behind {@code authenticate}. Verified keys are cached by the hash of the presented secret (never
 * the secret itself) for a minute; expiry and revocation are checked on every call against the
 * cached record, and a revocation through this engine drops the cache entry at once. Thread-safe.
 */
final class ApiKeyService implements ApiKeys {
  private static final Logger log = LoggerFactory.getLogger(ApiKeyService.class);
  private static final Duration USE_RECORDING_INTERVAL = Duration.ofMinutes(1);
  private static final int MAX_NAME_LENGTH = 100;

  /** A verified key and when its last use was written to the store. */
  private record Verified(ApiKeyRecord record, AtomicReference<@Nullable Instant> recordedUse) {}

  private final ApiKeyStore store;
  private final FlowStateMachine time;
  private final IdGenerator ids;
  private final Cache<String, Verified> verified =
      Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(1)).build();

  ApiKeyService(ApiKeyStore store, FlowStateMachine time, IdGenerator ids) {
    this.store = store;
    this.time = time;
    this.ids = ids;
  }

  @Override
  public NewApiKey create(String accountId, String name, Instant expiresAt) {
    AccountIds.check(accountId);
    checkName(name);
    Instant now = time.now();
    // the engine's precision, as for its own times; a durable store may hold no finer
    Instant expires = expiresAt.truncatedTo(ChronoUnit.MICROS);
    if (!expires.isAfter(now)) {
      throw new InvalidRequestException("expiresAt", "must be in the future, was " + expiresAt);
    }
    String id = ids.next(now);
    String secret = ApiKeySecrets.newSecret(id);
    ApiKeyRecord record =
        new ApiKeyRecord(id, accountId, name, ApiKeySecrets.hash(secret), now, expires, null, null);
    store.insert(record);
    return new NewApiKey(view(record), secret);
  }

  private static void checkName(String name) {
    if (name.isBlank()
        || name.length() > MAX_NAME_LENGTH
        || !UserText.isWellFormed(name)
        || name.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidRequestException(
          "name",
          "must be 1-"
              + MAX_NAME_LENGTH
              + " printable characters, was '"
              + Violation.printable(name)
              + "'");
    }
  }

  @Override
  public List<ApiKey> list(String accountId) {
    AccountIds.check(accountId);
    return store.list(accountId).stream().map(ApiKeyService::view).toList();
  }

  @Override
  public ApiKey revoke(String accountId, String keyId) {
    AccountIds.check(accountId);
    ApiKeyRecord record =
        store
            .find(keyId)
            .filter(key -> key.accountId().equals(accountId))
            .orElseThrow(() -> new NotFoundException(NotFoundException.Kind.API_KEY, keyId));
    store.revoke(keyId, time.now());
    verified.invalidate(record.secretHash());
    return view(store.find(keyId).orElse(record));
  }

  /**
   * Returns the account {@code secret} authenticates.
   *
   * @throws AuthenticationException if it is malformed, unknown, expired or revoked
   */
  String authenticate(String secret) {
    String keyId = ApiKeySecrets.keyIdOf(secret);
    if (keyId == null) {
      throw new AuthenticationException();
    }
    String hash = ApiKeySecrets.hash(secret);
    Verified key = cachedOrLookedUp(hash, keyId);
    Instant now = time.now();
    if (key == null || key.record.revokedAt() != null || !now.isBefore(key.record.expiresAt())) {
      throw new AuthenticationException();
    }
    recordUse(key, now);
    return key.record.accountId();
  }

  // Caffeine's get returns null and caches nothing when the loader returns null, which its
  // signature (a non-null V) cannot say.
  @SuppressWarnings("NullAway")
  private @Nullable Verified cachedOrLookedUp(String hash, String keyId) {
    return verified.get(hash, h -> lookUp(keyId, h));
  }

  private @Nullable Verified lookUp(String keyId, String hash) {
    return store
        .find(keyId)
        .filter(record -> ApiKeySecrets.sameHash(record.secretHash(), hash))
        .map(record -> new Verified(record, new AtomicReference<>(record.lastUsedAt())))
        .orElse(null);
  }

  private void recordUse(Verified key, Instant now) {
    Instant last = key.recordedUse.get();
    if ((last == null || !now.isBefore(last.plus(USE_RECORDING_INTERVAL)))
        && key.recordedUse.compareAndSet(last, now)) {
      try {
        store.recordUse(key.record.id(), now);
      } catch (RuntimeException e) {
        log.warn("could not record the use of API key {}", key.record.id(), e);
      }
    }
  }

  private static ApiKey view(ApiKeyRecord record) {
    return new ApiKey(
        record.id(),
        record.accountId(),
        record.name(),
        record.createdAt(),
        record.expiresAt(),
        record.lastUsedAt(),
        record.revokedAt());
  }
}
