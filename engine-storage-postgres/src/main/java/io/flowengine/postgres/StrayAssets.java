package io.flowengine.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes, when a storage opens, the assets that a call which did not finish left behind: inputs
 * their flow does not list, and assets of flows that do not exist. The engine stores a large input
 * before its flow (or before adding it to its flow) and deletes it when the second step fails; a
 * process that dies in between cannot, and the next storage to open does it.
 *
 * <p>On a shared database another node's call may be between the two steps right now, so only
 * assets whose writer is this node (which is just opening) or a node without a live lease are
 * taken, and each is locked first, skipping rows locked by a flow being written ({@link SchemaV5}),
 * then deleted by a second statement that checks again with a fresh view. A flow committed in
 * between keeps its inputs; one written after the sweep finds its input gone and fails as a whole.
 * Stateless.
 */
final class StrayAssets {
  private static final Logger log = LoggerFactory.getLogger(StrayAssets.class);

  private static final String STRAY =
      " NOT EXISTS (SELECT 1 FROM flowengine_flows f WHERE f.id = a.flow_id"
          + " AND (a.role <> 0 OR a.id = ANY (f.input_ids)))"
          + " AND (a.writer_node = ? OR NOT EXISTS (SELECT 1 FROM flowengine_nodes n"
          + " WHERE n.node_id = a.writer_node AND n.lease_expires_at > clock_timestamp()))";

  static final String LOCK =
      "SELECT a.flow_id, a.id FROM flowengine_assets a WHERE" + STRAY + " FOR UPDATE SKIP LOCKED";

  static final String DELETE =
      "DELETE FROM flowengine_assets a WHERE a.flow_id = ? AND a.id = ? AND" + STRAY;

  private StrayAssets() {}

  /**
   * Deletes the stray assets, with their content, in one transaction on {@code connection}, and
   * returns how many there were.
   */
  static int delete(Connection connection, String node, PostgresFailures failures)
      throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      int deleted = 0;
      try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
        for (String[] key : locked(connection, node)) {
          delete.setString(1, key[0]);
          delete.setString(2, key[1]);
          delete.setString(3, node);
          delete.addBatch();
        }
        for (int count : delete.executeBatch()) {
          deleted += Math.max(count, 0);
        }
      }
      connection.commit();
      if (deleted > 0) {
        log.warn(
            "{}: deleted {} assets left by calls that did not finish",
            failures.database(),
            deleted);
      }
      return deleted;
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private static List<String[]> locked(Connection connection, String node) throws SQLException {
    List<String[]> keys = new ArrayList<>();
    try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
      lock.setString(1, node);
      try (ResultSet rows = lock.executeQuery()) {
        while (rows.next()) {
          keys.add(new String[] {rows.getString(1), rows.getString(2)});
        }
      }
    }
    return keys;
  }
}
