package io.flowengine.internal;

import io.flowengine.PayloadTooLargeException;
import org.jspecify.annotations.Nullable;

/**
 * The per-account limits of {@link io.flowengine.EngineLimits}: unfinished flows and stored bytes.
 * Checked before a request stores anything; two concurrent requests of one account can together
 * pass a limit by at most their own size. Flows without an account are not limited. Stateless.
 */
final class AccountQuota {
  private AccountQuota() {}

  /**
   * Checks the account may start one more unfinished flow, with {@code pending} more accepted but
   * not yet stored.
   *
   * @throws PayloadTooLargeException if it has the maximum already
   */
  static void checkUnfinishedFlows(EngineContext ctx, @Nullable String accountId, int pending) {
    if (accountId == null) {
      return;
    }
    long unfinished = ctx.flows().countUnfinished(accountId) + pending;
    int max = ctx.limits().maxUnfinishedFlowsPerAccount();
    if (unfinished >= max) {
      throw new PayloadTooLargeException(
          "unfinished flows of account " + accountId, "flows", max, unfinished + 1);
    }
  }

  /** Returns how many more bytes the account may store ({@code Long.MAX_VALUE} without one). */
  static long remainingBytes(EngineContext ctx, @Nullable String accountId) {
    if (accountId == null) {
      return Long.MAX_VALUE;
    }
    return Math.max(
        0, ctx.limits().maxStoredBytesPerAccount() - ctx.assets().storedBytes(accountId));
  }

  /** Returns the subject for a limit message: the field, or the account quota when it binds. */
  static String subject(String field, @Nullable String accountId, long fieldLimit, long remaining) {
    return remaining < fieldLimit
        ? field + " (stored-bytes quota of account " + accountId + ")"
        : field;
  }
}
