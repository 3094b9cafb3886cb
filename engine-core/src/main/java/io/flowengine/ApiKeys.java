package io.flowengine;

import java.time.Instant;
import java.util.List;

/**
 * Creates, lists and revokes the bearer API keys that {@link FlowEngine#authenticate} accepts.
 * Secrets are 256-bit random values, returned once by {@link #create} and stored only as a SHA-256
 * hash. Thread-safe.
 */
public interface ApiKeys {
  /**
   * Creates a key for {@code accountId}.
   *
   * @param accountId 1-64 letters, digits, {@code . _ @ -}, starting with a letter or digit
   * @param name a label of 1-100 characters
   * @param expiresAt when the key stops working; must be in the future; kept to the microsecond
   * @return the key with its secret, which is not available again
   * @throws InvalidRequestException if the account id, name or expiry is not valid
   */
  NewApiKey create(String accountId, String name, Instant expiresAt);

  /**
   * Returns an account's keys, oldest first, without secrets.
   *
   * @throws InvalidRequestException if the account id is not valid
   */
  List<ApiKey> list(String accountId);

  /**
   * Revokes one of an account's keys; it stops working at once.
   *
   * @return the revoked key
   * @throws NotFoundException if the account has no key with that id
   * @throws InvalidRequestException if the account id is not valid
   */
  ApiKey revoke(String accountId, String keyId);
}
