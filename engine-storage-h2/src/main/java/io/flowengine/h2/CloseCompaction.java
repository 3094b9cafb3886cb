package io.flowengine.h2;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shrinks the database file when the storage closes, if it is mostly free space, by rewriting it.
 *
 * <p>H2's own compaction on close ({@code MAX_COMPACT_TIME} above 0) moves chunks inside the file
 * in place; a file it had compacted after a SIGKILL could then not be opened again ({@code
 * MVStoreException: Double mark}, {@code CrashRecoveryTest}, in CI and in 2 of 3 local runs). So
 * the storage opens H2 with that compaction off ({@link H2Storage#CLOSE_COMPACT_MILLIS} is 0), and
 * on close, when the live data fill at most {@value #MAX_LIVE_PERCENT}% of a file of at least
 * {@value #MIN_FILE_BYTES} bytes (the assets' content plus {@value #ROW_BYTES} bytes a row) and no
 * other session is open (an asset stream still being read holds one), it closes with {@code
 * SHUTDOWN COMPACT}: H2 closes the file without moving anything, writes the live data to a new file
 * and renames that over the old one, so a crash during it leaves the old file whole. Its cost is
 * one copy of the live data. Called by one thread, on close.
 */
final class CloseCompaction {
  /** Below this size the file is left as it is. */
  static final long MIN_FILE_BYTES = 8L << 20;

  /** The highest share of live data, in percent of the file, at which the file is rewritten. */
  static final int MAX_LIVE_PERCENT = 50;

  private static final Logger log = LoggerFactory.getLogger(CloseCompaction.class);

  /** What a flow or asset row is taken to hold besides an asset's content, generously. */
  static final long ROW_BYTES = 1_024;

  // H2's own fill-rate statistics lag behind under WRITE_DELAY (a file with every asset deleted
  // was reported 83% to 98% live), so the live data are estimated from the tables.
  private static final String STATE =
      "SELECT"
          + " (SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
          + "   WHERE SETTING_NAME = 'info.FILE_SIZE'),"
          + " (SELECT COALESCE(SUM(SIZE), 0) + COUNT(*) * "
          + ROW_BYTES
          + " FROM ASSETS),"
          + " (SELECT COUNT(*) * "
          + ROW_BYTES
          + " FROM FLOWS),"
          + " (SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS)";

  private CloseCompaction() {}

  /**
   * Closes {@code anchor}, the storage's last connection to a file database, with {@code SHUTDOWN
   * COMPACT} when the file is worth rewriting, otherwise plainly. Failures are logged: the data is
   * already written, only the file's size is at stake.
   *
   * @return whether {@code anchor} was the database's last session, so that H2 closed the file;
   *     false while an asset stream still holds a session, and when that could not be told
   */
  static boolean closeFile(Connection anchor, String description) {
    boolean last = false;
    try (Statement statement = anchor.createStatement()) {
      Decision decision = decide(statement, description);
      last = decision.alone();
      if (decision.rewrite()) {
        statement.execute("SHUTDOWN COMPACT");
      }
    } catch (SQLException e) {
      log.warn("{}: could not compact the file on close: {}", description, e.toString());
    } finally {
      ConnectionPool.quietlyClose(anchor);
    }
    return last;
  }

  private record Decision(boolean alone, boolean rewrite) {}

  private static Decision decide(Statement statement, String description) throws SQLException {
    try (ResultSet row = statement.executeQuery(STATE)) {
      row.next();
      long fileBytes = parse(row.getString(1));
      long liveBytes = row.getLong(2) + row.getLong(3);
      long livePercent = fileBytes > 0 ? 100 * liveBytes / fileBytes : 100;
      boolean alone = row.getLong(4) == 1;
      boolean rewrite = alone && fileBytes >= MIN_FILE_BYTES && livePercent <= MAX_LIVE_PERCENT;
      log.debug(
          "{}: {} bytes, about {}% live, {}: {}",
          description,
          fileBytes,
          livePercent,
          alone ? "no other session" : "other sessions open",
          rewrite ? "rewriting it" : "leaving it");
      if (!alone) {
        logSessions(statement, description);
      }
      return new Decision(alone, rewrite);
    }
  }

  private static void logSessions(Statement statement, String description) throws SQLException {
    try (ResultSet rows =
        statement.executeQuery(
            "SELECT SESSION_ID, SESSION_START, EXECUTING_STATEMENT, ISOLATION_LEVEL"
                + " FROM INFORMATION_SCHEMA.SESSIONS")) {
      while (rows.next()) {
        log.info(
            "{}: session {} open at close (the file stays open until it ends), since {}, running {}",
            description,
            rows.getLong(1),
            rows.getString(2),
            rows.getString(3));
      }
    }
  }

  private static long parse(String value) {
    return value == null ? -1 : Long.parseLong(value.trim());
  }
}
