package io.flowengine.h2;

import io.flowengine.AssetRole;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes, when a database is opened, the assets that a call which failed half-way left behind:
 * inputs that their flow does not list, and assets of flows that do not exist. The engine stores a
 * new flow's inputs before the flow, and a new input before adding it to its flow, and deletes them
 * when the second step fails; when the process dies or the disk fills up in between, that cleanup
 * cannot run, and this one does it on the next open. Nothing else runs while a database opens (one
 * process at a time, before the engine's first call), so no asset of a call in progress is taken.
 * Stateless.
 */
final class StrayAssets {
  private static final Logger log = LoggerFactory.getLogger(StrayAssets.class);

  /** Each asset has its flow, and an input is one of its flow's inputs. */
  static final String DELETE =
      "DELETE FROM ASSETS A WHERE NOT EXISTS (SELECT 1 FROM FLOWS F"
          + " WHERE F.ID = A.FLOW_ID AND (A.ROLE <> "
          + AssetRole.INPUT.ordinal()
          + " OR ARRAY_CONTAINS(F.INPUT_IDS, A.ID)))";

  private StrayAssets() {}

  /** Deletes the stray assets and returns how many there were. */
  static int delete(Connection connection, StorageFailures failures) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      int deleted = statement.executeUpdate(DELETE);
      if (deleted > 0) {
        log.warn(
            "{}: deleted {} assets left by calls that failed half-way",
            failures.database(),
            deleted);
      }
      return deleted;
    }
  }
}
