package io.flowengine.h2;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection that keeps an {@link H2Storage}'s database open for as long as the storage is (the
 * anchor), with the write-ahead journal of {@link Durability#EVERY_COMMIT} if the storage has one,
 * and the last steps of closing the database once the storage's other connections are closed.
 * Called by one thread, on close.
 */
final class OpenDatabase {
  // The storage's own name, under which operators know its messages.
  private static final Logger log = LoggerFactory.getLogger(H2Storage.class);

  private final String description;
  private final Connection anchor;
  private final @Nullable Journal journal;
  private final @Nullable JournalCheckpoints checkpoints;
  private final @Nullable Path file;

  /**
   * @param journal the journal; null without one
   * @param checkpoints the journal's checkpoints; null without a journal
   * @param file the database file; null in memory
   */
  OpenDatabase(
      String description,
      Connection anchor,
      @Nullable Journal journal,
      @Nullable JournalCheckpoints checkpoints,
      @Nullable Path file) {
    this.description = description;
    this.anchor = anchor;
    this.journal = journal;
    this.checkpoints = checkpoints;
    this.file = file;
  }

  /** Returns what the database is, e.g. {@code "H2 database /data/flowengine.mv.db"}. */
  String description() {
    return description;
  }

  /**
   * Has H2 write what it still holds (with the journal: forced to the disk, then the journal is
   * emptied), closes the anchor, compacting the file if it is mostly free space ({@link
   * CloseCompaction}), and waits, at most {@link FileRelease#WAIT}, until the file's lock is free.
   */
  void close() {
    Journal current = journal;
    if (current != null && checkpoints != null) {
      checkpoints.close();
      current.close();
      if (checkpoint("CHECKPOINT SYNC")) {
        ConnectionPool.quietlyClose(
            () -> current.delete(new Journal.Sealed(current.segment(), List.of())));
        deleteContentFiles(current);
      }
    } else {
      checkpoint("CHECKPOINT");
    }
    if (CloseCompaction.closeFile(anchor, description) && file != null) {
      FileRelease.await(file, description);
    }
  }

  private static void deleteContentFiles(Journal journal) {
    try {
      for (Path file : JournalReplay.files(journal.directory(), Journal.CONTENT_PREFIX)) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      log.debug("could not delete the journal's content files", e);
    }
  }

  /**
   * Writes to the file what {@link Durability#WRITE_DELAYED} still holds in memory before the
   * database closes. Otherwise the space that the last changes free (a purge just before closing)
   * is freed by the close's own final write, too late for H2 to reclaim it, and only the close's
   * compaction can still recover it: measured with H2's 200 ms of compaction, such a file grew by
   * 13.5 MB with every cycle of writing and purging 20 MB ({@code RetentionSpaceTest}).
   */
  private boolean checkpoint(String sql) {
    try (Statement statement = anchor.createStatement()) {
      statement.execute(sql);
      return true;
    } catch (SQLException e) {
      if (!isClosed(anchor)) {
        log.warn(
            "{}: could not write pending changes before closing: {}",
            description,
            StorageFailures.explain(e));
      }
      return false;
    }
  }

  private static boolean isClosed(Connection connection) {
    try {
      return connection.isClosed();
    } catch (SQLException e) {
      return true;
    }
  }
}
