package io.flowengine.spi;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An API key as an {@link ApiKeyStore} keeps it: never the secret, only its SHA-256. Immutable and
 * thread-safe.
 *
 * @param id 24 lowercase hex characters; also embedded in the secret, to look the key up
 * @param accountId the account the key acts for
 * @param name a label chosen by its creator
 * @param secretHash SHA-256 of the secret, 64 lowercase hex characters
 * @param createdAt when it was created
 * @param expiresAt when it stops working
 * @param lastUsedAt when it last authenticated a call, or null (updated at most once a minute)
 * @param revokedAt when it was revoked, or null
 */
public record ApiKeyRecord(
    String id,
    String accountId,
    String name,
    String secretHash,
    Instant createdAt,
    Instant expiresAt,
    @Nullable Instant lastUsedAt,
    @Nullable Instant revokedAt) {

  /** Checks required fields. */
  public ApiKeyRecord {
    requireNonNull(id, "id");
    requireNonNull(accountId, "accountId");
    requireNonNull(name, "name");
    requireNonNull(secretHash, "secretHash");
    requireNonNull(createdAt, "createdAt");
    requireNonNull(expiresAt, "expiresAt");
  }
}
