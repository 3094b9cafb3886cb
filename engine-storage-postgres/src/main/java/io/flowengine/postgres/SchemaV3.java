package io.flowengine.postgres;

import java.util.List;

/**
 * Schema version 3, for retries, delayed starts, idempotency keys and history: each flow row gains
 * its attempt (1 for older rows), the last failed attempt's error, its idempotency key scoped by
 * its account ({@code account<LF>key}, see {@link io.flowengine.jdbc.FlowExtras}) under a partial
 * unique index, so racing creates with one key on any node store one flow and a deleted flow frees
 * its key, the digest of the request that created it, and its bounded history as text with the
 * count of changes it dropped. The time before which a flow may not run is version 1's {@code
 * not_before_us}, which claims already honour. Stateless.
 */
final class SchemaV3 {
  static final List<String> STATEMENTS =
      List.of(
          "ALTER TABLE flowengine_flows ADD COLUMN IF NOT EXISTS attempt integer NOT NULL DEFAULT 1"
              + " CHECK (attempt >= 1)",
          "ALTER TABLE flowengine_flows ADD COLUMN IF NOT EXISTS last_error text",
          "ALTER TABLE flowengine_flows ADD COLUMN IF NOT EXISTS idempotency_key text COLLATE \"C\"",
          "ALTER TABLE flowengine_flows ADD COLUMN IF NOT EXISTS request_digest text",
          "ALTER TABLE flowengine_flows ADD COLUMN IF NOT EXISTS history text",
          "ALTER TABLE flowengine_flows ADD COLUMN IF NOT EXISTS history_dropped bigint NOT NULL"
              + " DEFAULT 0",
          "CREATE UNIQUE INDEX IF NOT EXISTS flowengine_flows_by_idempotency_key"
              + " ON flowengine_flows (idempotency_key) WHERE idempotency_key IS NOT NULL");

  private SchemaV3() {}
}
