package io.flowengine;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What is known of an API key apart from its secret, which is shown only once ({@link NewApiKey}).
 * Immutable and thread-safe.
 *
 * @param id 24 lowercase hex characters
 * @param accountId the account the key acts for
 * @param name the label given at creation
 * @param createdAt when it was created
 * @param expiresAt when it stops working
 * @param lastUsedAt when it last authenticated a call (recorded at most once a minute), or null
 * @param revokedAt when it was revoked, or null
 */
public record ApiKey(
    String id,
    String accountId,
    String name,
    Instant createdAt,
    Instant expiresAt,
    @Nullable Instant lastUsedAt,
    @Nullable Instant revokedAt) {

  /** Checks required fields. */
  public ApiKey {
    requireNonNull(id, "id");
    requireNonNull(accountId, "accountId");
    requireNonNull(name, "name");
    requireNonNull(createdAt, "createdAt");
    requireNonNull(expiresAt, "expiresAt");
  }

  /** Returns whether the key authenticates calls at {@code now}: not revoked and not expired. */
  public boolean isActiveAt(Instant now) {
    return revokedAt == null && now.isBefore(expiresAt);
  }
}
