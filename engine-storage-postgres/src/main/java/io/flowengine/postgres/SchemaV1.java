package io.flowengine.postgres;

import java.util.ArrayList;
import java.util.List;

/**
 * Schema version 1, in the connection's current schema (the first of its {@code search_path}).
 * Every table is named {@code flowengine_*}, so the tables can share a database with the host's.
 *
 * <ul>
 *   <li>Times the engine sets are {@code bigint} microseconds since the epoch (its precision, exact
 *       both ways); times the database sets (leases) are {@code timestamptz} from the server's
 *       clock, the one clock every node shares.
 *   <li>Ids are {@code text COLLATE "C"}: byte order, which is the engine's id order whatever the
 *       database's collation.
 *   <li>A flow's state is its lifecycle rank ({@link io.flowengine.FlowState#ordinal()}).
 *   <li>A flow's id is unique through a hash index (an exclusion constraint), not a btree primary
 *       key: lookups by id are as fast, and no index on the id alone tempts the planner to walk
 *       every flow in id order, filtering by state, instead of reading the state's own index range
 *       (a listing by state, recovery's batches by id).
 *   <li>Every listing order has an index that starts with the state, so a page is one range scan
 *       per state (two for a start or finish time: present and missing values) merged in order; an
 *       account's flows have an index by state and one by creation time.
 *   <li>Cluster mode (a later release of this module) needs, and this version already has: a flow's
 *       owner node and owner epoch (fencing: a write carries the epoch it was claimed with), a time
 *       before which it may not be claimed, the nodes with their leases, the sequence epochs come
 *       from, and two small partial indexes, of claimable and of owned flows.
 *   <li>Asset content is in {@code flowengine_asset_chunks}: {@code bytea} chunks of up to 1 MiB,
 *       stored uncompressed out of line ({@code STORAGE EXTERNAL}: the content is mostly compressed
 *       media), deleted with their asset by the foreign key's cascade.
 * </ul>
 *
 * Stateless.
 */
final class SchemaV1 {
  /** The listing indexes: name suffix and the columns between the state and the id. */
  private static final String[][] LISTING_KEYS = {
    {"state", ""},
    {"progress", "progress, "},
    {"created", "created_us, "},
    {"started", "started_us, "},
    {"finished", "finished_us, "}
  };

  static final List<String> STATEMENTS = statements();

  private SchemaV1() {}

  private static List<String> statements() {
    List<String> sql = new ArrayList<>();
    sql.add(
        """
        CREATE TABLE IF NOT EXISTS flowengine_flows (
          id text COLLATE "C" NOT NULL,
          account_id text COLLATE "C",
          template_id text NOT NULL,
          template_name text NOT NULL,
          state smallint NOT NULL CHECK (state BETWEEN 0 AND 6),
          progress double precision NOT NULL CHECK (progress BETWEEN 0 AND 1),
          parameters bytea NOT NULL,
          additional text,
          input_ids text[] NOT NULL,
          created_us bigint NOT NULL,
          started_us bigint,
          finished_us bigint,
          error text,
          timeout text,
          version bigint NOT NULL,
          owner_node text COLLATE "C",
          owner_epoch bigint,
          not_before_us bigint,
          CONSTRAINT flowengine_flows_id_unique EXCLUDE USING hash (id WITH =))""");
    for (String[] key : LISTING_KEYS) {
      sql.add(
          "CREATE INDEX IF NOT EXISTS flowengine_flows_by_"
              + key[0]
              + " ON flowengine_flows (state, "
              + key[1]
              + "id)");
    }
    sql.add(
        "CREATE INDEX IF NOT EXISTS flowengine_flows_of_account_by_state"
            + " ON flowengine_flows (account_id, state, id)");
    sql.add(
        "CREATE INDEX IF NOT EXISTS flowengine_flows_of_account_by_created"
            + " ON flowengine_flows (account_id, created_us, id)");
    // Cluster mode: started flows nobody owns, first in first out; and each node's flows.
    sql.add(
        "CREATE INDEX IF NOT EXISTS flowengine_flows_claimable"
            + " ON flowengine_flows (created_us, id) WHERE state = 1 AND owner_node IS NULL");
    sql.add(
        "CREATE INDEX IF NOT EXISTS flowengine_flows_owned"
            + " ON flowengine_flows (owner_node, id) WHERE owner_node IS NOT NULL");
    sql.add(
        """
        CREATE TABLE IF NOT EXISTS flowengine_assets (
          flow_id text COLLATE "C" NOT NULL,
          id text COLLATE "C" NOT NULL,
          account_id text COLLATE "C",
          role smallint NOT NULL CHECK (role BETWEEN 0 AND 1),
          media_type text NOT NULL,
          size bigint NOT NULL,
          sha256 text NOT NULL,
          created_us bigint NOT NULL,
          additional text,
          derived_from text COLLATE "C",
          writer_node text COLLATE "C" NOT NULL,
          PRIMARY KEY (flow_id, id))""");
    sql.add(
        "CREATE INDEX IF NOT EXISTS flowengine_assets_of_account"
            + " ON flowengine_assets (account_id) INCLUDE (size)");
    sql.add(
        """
        CREATE TABLE IF NOT EXISTS flowengine_asset_chunks (
          flow_id text COLLATE "C" NOT NULL,
          asset_id text COLLATE "C" NOT NULL,
          seq integer NOT NULL,
          data bytea NOT NULL,
          PRIMARY KEY (flow_id, asset_id, seq),
          FOREIGN KEY (flow_id, asset_id) REFERENCES flowengine_assets (flow_id, id)
            ON DELETE CASCADE)""");
    sql.add("ALTER TABLE flowengine_asset_chunks ALTER COLUMN data SET STORAGE EXTERNAL");
    sql.add(
        """
        CREATE TABLE IF NOT EXISTS flowengine_api_keys (
          id text COLLATE "C" NOT NULL PRIMARY KEY,
          account_id text COLLATE "C" NOT NULL,
          name text NOT NULL,
          secret_hash text NOT NULL,
          created_us bigint NOT NULL,
          expires_us bigint NOT NULL,
          last_used_us bigint,
          revoked_us bigint)""");
    sql.add(
        "CREATE INDEX IF NOT EXISTS flowengine_api_keys_of_account"
            + " ON flowengine_api_keys (account_id, created_us, id)");
    sql.add(
        """
        CREATE TABLE IF NOT EXISTS flowengine_nodes (
          node_id text COLLATE "C" NOT NULL PRIMARY KEY,
          epoch bigint NOT NULL,
          started_at timestamptz NOT NULL,
          renewed_at timestamptz NOT NULL,
          lease_expires_at timestamptz NOT NULL,
          max_running integer NOT NULL)""");
    sql.add("CREATE SEQUENCE IF NOT EXISTS flowengine_epochs");
    return List.copyOf(sql);
  }
}
