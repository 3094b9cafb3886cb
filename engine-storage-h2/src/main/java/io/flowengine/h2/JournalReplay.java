package io.flowengine.h2;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-applies, on opening, the transactions a journal holds that H2 may not have made durable before
 * the process ended: in journal order, each in a transaction of its own. A statement that fails
 * with an integrity violation (SQLSTATE 23xxx) had already been applied and is skipped; a torn or
 * corrupt record ends its segment (the write the crash interrupted, never acknowledged). Then makes
 * H2 durable and deletes the journal's files. Not thread-safe; runs before the storage opens.
 */
final class JournalReplay {
  private static final Logger log = LoggerFactory.getLogger(JournalReplay.class);

  private JournalReplay() {}

  /** What a replay did. */
  record Result(int transactions, int skippedStatements) {}

  /**
   * Replays the journal in {@code directory} on {@code connection}, a plain H2 connection.
   *
   * @throws SQLException if a statement fails for another reason than an integrity violation; the
   *     journal is then kept
   * @throws IOException if the journal cannot be read
   */
  static Result replay(Path directory, Connection connection) throws SQLException, IOException {
    List<Path> segments = files(directory, Journal.SEGMENT_PREFIX);
    if (segments.isEmpty()) {
      deleteAll(files(directory, Journal.CONTENT_PREFIX));
      return new Result(0, 0);
    }
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    int transactions = 0;
    int skipped = 0;
    try {
      for (Path segment : segments) {
        for (JournalTransaction transaction : read(segment)) {
          skipped += apply(transaction, directory, connection);
          connection.commit();
          transactions++;
        }
      }
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
    try (Statement checkpoint = connection.createStatement()) {
      checkpoint.execute("CHECKPOINT SYNC");
    }
    deleteAll(segments);
    deleteAll(files(directory, Journal.CONTENT_PREFIX));
    log.info(
        "replayed {} journaled transactions from {} ({} statements already applied)",
        transactions,
        directory,
        skipped);
    return new Result(transactions, skipped);
  }

  private static int apply(JournalTransaction transaction, Path directory, Connection connection)
      throws SQLException {
    int skipped = 0;
    for (JournalTransaction.Statement recorded : transaction.statements()) {
      try (PreparedStatement statement = connection.prepareStatement(recorded.sql())) {
        for (List<JournalParameter> execution : recorded.executions()) {
          for (JournalParameter p : execution) {
            p.bind(statement, directory);
          }
          try {
            statement.execute();
          } catch (SQLException e) {
            String state = e.getSQLState();
            if (state == null || !state.startsWith("23")) {
              throw e;
            }
            skipped++;
          }
        }
      }
    }
    return skipped;
  }

  /** Reads a segment's records up to the first torn or corrupt one. */
  static List<JournalTransaction> read(Path segment) throws IOException {
    List<JournalTransaction> transactions = new ArrayList<>();
    try (InputStream file = Files.newInputStream(segment);
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(file))) {
      if (in.readInt() != Journal.MAGIC) {
        throw new IOException(segment + " is not a flowengine journal segment");
      }
      int version = in.readInt();
      if (version != Journal.VERSION) {
        throw new IOException(
            segment + " has journal format " + version + ", not " + Journal.VERSION);
      }
      while (true) {
        int length = in.readInt();
        int crc = in.readInt();
        byte[] payload = in.readNBytes(length);
        CRC32C check = new CRC32C();
        check.update(payload);
        if (length < 0 || payload.length < length || (int) check.getValue() != crc) {
          log.warn(
              "{}: a torn or corrupt record ends the segment; it was not acknowledged", segment);
          break;
        }
        transactions.add(JournalTransaction.decode(payload));
      }
    } catch (EOFException e) {
      // the end of the segment (or a torn header of its last record)
    }
    return transactions;
  }

  static List<Path> files(Path directory, String prefix) throws IOException {
    List<Path> found = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, prefix + "*")) {
      entries.forEach(found::add);
    } catch (NoSuchFileException e) {
      return found;
    }
    found.sort(null);
    return found;
  }

  private static void deleteAll(List<Path> files) throws IOException {
    for (Path file : files) {
      Files.deleteIfExists(file);
    }
  }
}
