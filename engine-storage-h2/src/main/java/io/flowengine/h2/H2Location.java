package io.flowengine.h2;

import io.flowengine.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Where an {@link H2Storage} keeps its database: the JDBC URL with its settings, the words that
 * name the database in messages, the file (null in memory) and the journal's directory (null
 * without a journal). Immutable and thread-safe.
 *
 * @param url the JDBC URL with H2's settings
 * @param description e.g. {@code "H2 database /data/flowengine.mv.db"}
 * @param file the database file; null for an in-memory database
 * @param journal the directory of the write-ahead journal; null without one
 */
record H2Location(String url, String description, @Nullable Path file, @Nullable Path journal) {

  /**
   * Locates the database in {@code directory}, created if missing, and refuses a file there that is
   * not an H2 database.
   *
   * @param fileSystem the scheme of the H2 file system that reaches the directory
   * @param journal whether the write-ahead journal was asked for; used only with {@link
   *     Durability#EVERY_COMMIT}
   * @param journalDirectory the journal's directory; null for {@code journal} in {@code directory}
   * @throws StorageException if the directory cannot be created or the file is not H2's
   */
  static H2Location inDirectory(
      Path directory,
      String fileSystem,
      Durability mode,
      boolean journal,
      @Nullable Path journalDirectory,
      Duration lockTimeout) {
    Path dir = directory.toAbsolutePath();
    Path file = dir.resolve(H2Storage.FILE_NAME);
    createDirectory(dir);
    refuseForeignFile(file);
    boolean journaled = journal && mode == Durability.EVERY_COMMIT;
    Path journalAt =
        journaled
            ? (journalDirectory != null ? journalDirectory : dir.resolve("journal"))
                .toAbsolutePath()
            : null;
    String url =
        "jdbc:h2:"
            + fileSystem
            + ":"
            + dir.resolve("flowengine")
            + settings(lockTimeout)
            + ";WRITE_DELAY="
            + (journaled ? H2Storage.JOURNALED_WRITE_DELAY_MILLIS : mode.writeDelayMillis())
            + ";MAX_COMPACT_TIME="
            + H2Storage.CLOSE_COMPACT_MILLIS;
    return new H2Location(url, "H2 database " + file, file, journalAt);
  }

  /** Locates a new in-memory database named {@code name}, dropped when the storage closes. */
  static H2Location inMemory(String name, Duration lockTimeout) {
    return new H2Location(
        "jdbc:h2:mem:" + name + settings(lockTimeout), "in-memory H2 database " + name, null, null);
  }

  private static String settings(Duration lockTimeout) {
    return ";DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64;LOCK_TIMEOUT=" + lockTimeout.toMillis();
  }

  /** Refuses a file that H2 would report only as an I/O error: one without an H2 store header. */
  private static void refuseForeignFile(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(3);
      if (head.length > 0 && !new String(head, StandardCharsets.ISO_8859_1).equals("H:2")) {
        throw new StorageException(
            file
                + " is not an H2 database file (no H2 store header);"
                + " move it away or choose another directory");
      }
    } catch (NoSuchFileException e) {
      // a new database
    } catch (IOException e) {
      throw new StorageException("could not read " + file + ": " + e, e);
    }
  }

  private static void createDirectory(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new StorageException("could not create the database directory " + dir + ": " + e, e);
    }
  }
}
