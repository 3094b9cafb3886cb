package io.flowengine.h2;

import java.util.List;

/**
 * Schema version 2, for retries, delayed starts, idempotency keys and history: each flow row gains
 * its attempt (1 for the flows of version 1), the last failed attempt's error, the time before
 * which it may not run ({@code NOT_BEFORE_US}, microseconds), its idempotency key scoped by its
 * account with a unique index (so racing creates with one key store one flow, and a deleted flow
 * frees its key), the digest of the request that created it, and its bounded history as text with
 * the count of changes it dropped ({@link io.flowengine.jdbc.FlowExtras}). Adding nullable or
 * defaulted columns leaves every version 1 row valid. Stateless.
 */
final class SchemaV2 {
  static final List<String> STATEMENTS =
      List.of(
          "ALTER TABLE FLOWS ADD COLUMN IF NOT EXISTS ATTEMPT INT DEFAULT 1 NOT NULL",
          "ALTER TABLE FLOWS ADD COLUMN IF NOT EXISTS LAST_ERROR VARCHAR",
          "ALTER TABLE FLOWS ADD COLUMN IF NOT EXISTS NOT_BEFORE_US BIGINT",
          "ALTER TABLE FLOWS ADD COLUMN IF NOT EXISTS IDEMPOTENCY_KEY VARCHAR",
          "ALTER TABLE FLOWS ADD COLUMN IF NOT EXISTS REQUEST_DIGEST VARCHAR",
          "ALTER TABLE FLOWS ADD COLUMN IF NOT EXISTS HISTORY VARCHAR",
          "ALTER TABLE FLOWS ADD COLUMN IF NOT EXISTS HISTORY_DROPPED BIGINT DEFAULT 0 NOT NULL",
          "CREATE UNIQUE INDEX IF NOT EXISTS FLOWS_BY_IDEMPOTENCY_KEY ON FLOWS (IDEMPOTENCY_KEY)");

  private SchemaV2() {}
}
