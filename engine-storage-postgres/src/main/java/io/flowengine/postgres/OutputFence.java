package io.flowengine.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Fences a cluster node's output uploads: in the upload's own transaction, before its first row, it
 * checks that the flow is owned by this node under the epoch its lease has now, and that the lease
 * has not ended ({@code FOR SHARE} of the flow row, so a takeover waits for the upload's commit and
 * then deletes the output with the flow's others). A node that wakes up after its lease ended (a GC
 * pause, SIGSTOP) thus has its late outputs refused, as the version check refuses its late state
 * and progress writes. Stateless.
 */
final class OutputFence {
  private static final String OWNED =
      "SELECT 1 FROM flowengine_flows f JOIN flowengine_nodes n ON n.node_id = f.owner_node"
          + " AND n.epoch = f.owner_epoch WHERE f.id = ? AND f.owner_node = ?"
          + " AND n.lease_expires_at > clock_timestamp() FOR SHARE OF f";

  private OutputFence() {}

  /**
   * Checks that {@code node} owns flow {@code flowId} under a live lease.
   *
   * @throws IllegalStateException if it does not: nothing of the output is stored
   * @throws SQLException what the database threw
   */
  static void check(Connection connection, String flowId, String node, String assetId)
      throws SQLException {
    try (PreparedStatement owned = connection.prepareStatement(OWNED)) {
      owned.setString(1, flowId);
      owned.setString(2, node);
      try (ResultSet row = owned.executeQuery()) {
        if (!row.next()) {
          throw new IllegalStateException(
              "output "
                  + assetId
                  + " of flow "
                  + flowId
                  + " refused: node "
                  + node
                  + " no longer owns the flow (its lease ended, or another node took the flow"
                  + " over); nothing was stored");
        }
      }
    }
  }
}
