package io.flowengine.postgres;

import io.flowengine.AssetRole;
import io.flowengine.FlowState;
import io.flowengine.spi.ClusterStore;
import io.flowengine.spi.FlowChange;
import io.flowengine.spi.FlowRecord;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The {@link ClusterStore} on PostgreSQL: leases in {@code flowengine_nodes} on the server's clock,
 * epochs from the sequence {@code flowengine_epochs}, owners in the flows' {@code owner_node} and
 * {@code owner_epoch}. A claim is one statement: the oldest unowned starting flows, locked {@code
 * FOR UPDATE SKIP LOCKED} so that nodes claiming at once take different ones, updated with the
 * owner and the next version, only while the claiming lease lasts. Changes of other nodes arrive
 * through {@link PostgresChangeListener} (LISTEN on its own connection). Thread-safe.
 */
final class PostgresClusterStore implements ClusterStore {
  private static final String F_COLUMNS =
      Arrays.stream(FlowRows.COLUMNS.split(", "))
          .map(c -> "f." + c)
          .collect(Collectors.joining(", "));
  private static final String NOW_US = "(extract(epoch FROM clock_timestamp()) * 1000000)::bigint";
  private static final String LIVE =
      "EXISTS (SELECT 1 FROM flowengine_nodes n WHERE n.node_id = ? AND n.epoch = ?"
          + " AND n.lease_expires_at > clock_timestamp())";
  private static final String CLAIM =
      "WITH c AS (SELECT id FROM flowengine_flows WHERE state = 1 AND owner_node IS NULL"
          + " AND (not_before_us IS NULL OR not_before_us <= "
          + NOW_US
          + ") AND "
          + LIVE
          + " ORDER BY created_us, id LIMIT ? FOR UPDATE SKIP LOCKED)"
          + " UPDATE flowengine_flows f SET owner_node = ?, owner_epoch = ?, version = f.version + 1"
          // Checked again here: the lock's recheck of the scan above may skip conditions the
          // partial index implies, so a row another node claimed just before could pass it.
          + " FROM c WHERE f.id = c.id AND f.state = 1 AND f.owner_node IS NULL RETURNING "
          + F_COLUMNS;
  private static final String CLAIM_ONE =
      "UPDATE flowengine_flows f SET owner_node = ?, owner_epoch = ?, version = f.version + 1"
          + " WHERE f.id = ? AND f.owner_node IS NULL AND f.state IN (1, 2, 3) AND "
          + LIVE
          + " RETURNING "
          + F_COLUMNS;
  private static final String ORPHANS =
      "SELECT * FROM (SELECT "
          + F_COLUMNS
          + " FROM flowengine_flows f WHERE f.owner_node IS NOT NULL AND f.state IN (1, 2, 3)"
          + " AND NOT EXISTS (SELECT 1 FROM flowengine_nodes n WHERE n.node_id = f.owner_node"
          + " AND n.epoch = f.owner_epoch AND n.lease_expires_at > clock_timestamp())"
          + " UNION ALL SELECT "
          + F_COLUMNS
          + " FROM flowengine_flows f WHERE f.state IN (2, 3) AND f.owner_node IS NULL) o"
          + " ORDER BY id LIMIT ?";
  private static final String OWNED =
      "SELECT "
          + F_COLUMNS
          + " FROM flowengine_flows f WHERE f.owner_node = ? AND f.owner_epoch = ?"
          + " AND f.state IN (1, 2, 3) ORDER BY id LIMIT ?";
  private static final String TAKE_OVER =
      "UPDATE flowengine_flows SET "
          + FlowRows.SET_VALUES
          + ", owner_node = NULL, owner_epoch = NULL WHERE id = ? AND version = ?";

  private final Connections connections;
  private final PostgresFailures failures;
  private final String nodeId;
  private final Duration lease;
  private final PostgresChangeListener changes;

  PostgresClusterStore(
      Connections connections, String nodeId, Duration lease, PostgresChangeListener changes) {
    this.connections = connections;
    this.failures = connections.failures();
    this.nodeId = nodeId;
    this.lease = lease;
    this.changes = changes;
  }

  @Override
  public String nodeId() {
    return nodeId;
  }

  @Override
  public Duration lease() {
    return lease;
  }

  @Override
  public long register(int slots) {
    try {
      return connections.call(
          c -> {
            try (PreparedStatement insert =
                c.prepareStatement(
                    "INSERT INTO flowengine_nodes (node_id, epoch, started_at, renewed_at,"
                        + " lease_expires_at, max_running) VALUES (?, nextval('flowengine_epochs'),"
                        + " clock_timestamp(), clock_timestamp(),"
                        + " clock_timestamp() + ? * interval '1 microsecond', ?)"
                        + " ON CONFLICT (node_id) DO UPDATE SET epoch = EXCLUDED.epoch,"
                        + " started_at = EXCLUDED.started_at, renewed_at = EXCLUDED.renewed_at,"
                        + " lease_expires_at = EXCLUDED.lease_expires_at,"
                        + " max_running = EXCLUDED.max_running RETURNING epoch")) {
              insert.setString(1, nodeId);
              insert.setLong(2, micros(lease));
              insert.setInt(3, slots);
              try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
              }
            }
          });
    } catch (SQLException e) {
      throw failures.of("register node " + nodeId, e);
    }
  }

  @Override
  public boolean renew(long epoch) {
    try {
      return connections.call(
          c -> {
            try (PreparedStatement update =
                c.prepareStatement(
                    "UPDATE flowengine_nodes SET renewed_at = clock_timestamp(),"
                        + " lease_expires_at = clock_timestamp() + ? * interval '1 microsecond'"
                        + " WHERE node_id = ? AND epoch = ? AND lease_expires_at > clock_timestamp()")) {
              update.setLong(1, micros(lease));
              update.setString(2, nodeId);
              update.setLong(3, epoch);
              return update.executeUpdate() == 1;
            }
          });
    } catch (SQLException e) {
      throw failures.of("renew the lease of node " + nodeId + " (epoch " + epoch + ")", e);
    }
  }

  @Override
  public List<FlowRecord> claim(long epoch, int limit) {
    try {
      List<FlowRecord> claimed =
          connections.call(
              c -> {
                try (PreparedStatement update = c.prepareStatement(CLAIM)) {
                  update.setString(1, nodeId);
                  update.setLong(2, epoch);
                  update.setInt(3, limit);
                  update.setString(4, nodeId);
                  update.setLong(5, epoch);
                  try (ResultSet rows = update.executeQuery()) {
                    return FlowRows.readAll(rows, failures);
                  }
                }
              });
      List<FlowRecord> ordered = new ArrayList<>(claimed);
      ordered.sort(Comparator.comparing(FlowRecord::createdAt).thenComparing(FlowRecord::id));
      return ordered;
    } catch (SQLException e) {
      throw failures.of(
          "claim flows for node " + nodeId + " (what was claimed is released when its lease ends)",
          e);
    }
  }

  @Override
  public Optional<FlowRecord> claimUnowned(long epoch, String flowId) {
    try {
      return connections.call(
          c -> {
            try (PreparedStatement update = c.prepareStatement(CLAIM_ONE)) {
              update.setString(1, nodeId);
              update.setLong(2, epoch);
              update.setString(3, flowId);
              update.setString(4, nodeId);
              update.setLong(5, epoch);
              try (ResultSet rows = update.executeQuery()) {
                return rows.next() ? Optional.of(FlowRows.read(rows, failures)) : Optional.empty();
              }
            }
          });
    } catch (SQLException e) {
      throw failures.of("claim flow " + flowId + " for node " + nodeId, e);
    }
  }

  @Override
  public List<FlowRecord> owned(long epoch, int limit) {
    try {
      return connections.call(
          c -> {
            try (PreparedStatement select = c.prepareStatement(OWNED)) {
              select.setString(1, nodeId);
              select.setLong(2, epoch);
              select.setInt(3, limit);
              try (ResultSet rows = select.executeQuery()) {
                return FlowRows.readAll(rows, failures);
              }
            }
          });
    } catch (SQLException e) {
      throw failures.of("find the flows node " + nodeId + " owns (epoch " + epoch + ")", e);
    }
  }

  @Override
  public List<FlowRecord> orphans(int limit) {
    try {
      return connections.call(
          c -> {
            try (PreparedStatement select = c.prepareStatement(ORPHANS)) {
              select.setInt(1, limit);
              try (ResultSet rows = select.executeQuery()) {
                return FlowRows.readAll(rows, failures);
              }
            }
          });
    } catch (SQLException e) {
      throw failures.of("find the flows of lost nodes", e);
    }
  }

  /** One transaction: each compare-and-set clearing the owner, and a re-queued flow's outputs. */
  @Override
  public boolean[] takeOver(List<FlowRecord> expected, List<FlowRecord> next) {
    if (expected.size() != next.size()) {
      throw new IllegalArgumentException(
          expected.size() + " expected records but " + next.size() + " replacements");
    }
    for (int i = 0; i < expected.size(); i++) {
      FlowRecord from = expected.get(i);
      FlowRecord to = next.get(i);
      if (!to.id().equals(from.id()) || to.version() != from.version() + 1) {
        throw new IllegalArgumentException(
            "replacement "
                + i
                + " is not the next version of flow "
                + from.id()
                + "; nothing was changed");
      }
      FlowRows.checkTimes(to);
    }
    try {
      return connections.inTransaction(
          c -> {
            boolean[] replaced = new boolean[expected.size()];
            try (PreparedStatement update = c.prepareStatement(TAKE_OVER);
                PreparedStatement outputs =
                    c.prepareStatement(
                        "DELETE FROM flowengine_assets WHERE flow_id = ? AND role = "
                            + AssetRole.OUTPUT.ordinal())) {
              for (int i = 0; i < replaced.length; i++) {
                FlowRecord to = next.get(i);
                FlowRows.bindValues(update, 1, to);
                update.setString(FlowRows.COUNT, to.id());
                update.setLong(FlowRows.COUNT + 1, expected.get(i).version());
                replaced[i] = update.executeUpdate() == 1;
                if (replaced[i] && to.state() == FlowState.STARTING) {
                  outputs.setString(1, to.id());
                  outputs.executeUpdate();
                }
              }
            }
            return replaced;
          });
    } catch (SQLException e) {
      throw failures.of("take over " + expected.size() + " flows (nothing was changed)", e);
    }
  }

  @Override
  public void leave(long epoch) {
    try {
      connections.call(
          c -> {
            try (PreparedStatement delete =
                c.prepareStatement(
                    "DELETE FROM flowengine_nodes WHERE node_id = ? AND epoch = ?")) {
              delete.setString(1, nodeId);
              delete.setLong(2, epoch);
              return delete.executeUpdate();
            }
          });
    } catch (SQLException e) {
      throw failures.of("end the lease of node " + nodeId, e);
    }
  }

  @Override
  public AutoCloseable subscribe(Consumer<FlowChange> listener) {
    return changes.add(listener);
  }

  private static long micros(Duration duration) {
    return duration.toNanos() / 1000;
  }
}
