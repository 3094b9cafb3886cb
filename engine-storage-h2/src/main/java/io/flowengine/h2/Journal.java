package io.flowengine.h2;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write-ahead journal that makes {@link Durability#EVERY_COMMIT} durable while H2 writes its
 * file in the background: a transaction's record is appended and forced to the disk, then H2
 * commits, both under one lock, so the journal's order is the commit order. Files: {@code
 * segment-%016d}, each a header ({@link #MAGIC}, {@link #VERSION}) and records (length, CRC32C,
 * payload: a {@link JournalTransaction}), and {@code content-*} files for large bound content.
 * {@link JournalCheckpoints} drops segments once H2 has made their transactions durable.
 * Thread-safe.
 */
final class Journal implements AutoCloseable {
  static final int MAGIC = 0x464A4E4C; // "FJNL"
  static final int VERSION = 1;
  static final int HEADER_BYTES = 8;
  static final String SEGMENT_PREFIX = "segment-";
  static final String CONTENT_PREFIX = "content-";

  private static final Logger log = LoggerFactory.getLogger(Journal.class);

  private final Path directory;
  private final ReentrantLock lock = new ReentrantLock();
  private final AtomicLong contentNumber = new AtomicLong();
  private long segment;
  private FileChannel channel;
  private long size;
  // Content files committed in the current segment; deleted with it.
  private List<String> segmentContent = new ArrayList<>();
  private boolean closed;
  private volatile Runnable full = () -> {};

  private Journal(Path directory, long segment, FileChannel channel) {
    this.directory = directory;
    this.segment = segment;
    this.channel = channel;
    this.size = HEADER_BYTES;
  }

  /** Starts a new journal in {@code directory}, which the caller has replayed and emptied. */
  static Journal start(Path directory) throws IOException {
    Files.createDirectories(directory);
    return new Journal(directory, 1, createSegment(directory, 1));
  }

  Path directory() {
    return directory;
  }

  /** Returns a new content file's path; the file is the caller's until it is committed. */
  Path newContentFile() {
    return directory.resolve(
        CONTENT_PREFIX + ProcessHandle.current().pid() + "-" + contentNumber.incrementAndGet());
  }

  /**
   * Appends {@code transaction}, forces it to the disk, then commits {@code connection}; if the
   * commit fails the record is cut off again.
   *
   * @throws SQLException if the journal cannot be written or the commit fails
   */
  void commit(JournalTransaction transaction, Connection connection) throws SQLException {
    byte[] payload = transaction.encode();
    CRC32C crc = new CRC32C();
    crc.update(payload);
    ByteBuffer record = ByteBuffer.allocate(8 + payload.length);
    record.putInt(payload.length).putInt((int) crc.getValue()).put(payload).flip();
    lock.lock();
    try {
      if (closed) {
        throw new SQLException("the journal in " + directory + " is closed");
      }
      long start = size;
      append(record, start);
      try {
        connection.commit();
      } catch (SQLException e) {
        cutBack(start);
        throw e;
      }
      size = start + record.limit();
      segmentContent.addAll(transaction.contentFiles());
    } finally {
      lock.unlock();
    }
    if (size() > JournalCheckpoints.SEGMENT_LIMIT) {
      full.run();
    }
  }

  /**
   * Sets what to do when the current segment grew past {@link JournalCheckpoints#SEGMENT_LIMIT}.
   */
  void onFull(Runnable action) {
    this.full = action;
  }

  private void append(ByteBuffer record, long start) throws SQLException {
    try {
      while (record.hasRemaining()) {
        channel.write(record, start + record.position());
      }
      channel.force(false);
    } catch (ClosedChannelException e) { // an interrupt closed it: reopen for the next commit
      reopen(start);
      throw new SQLException("interrupted while writing the journal in " + directory, e);
    } catch (IOException e) {
      cutBack(start);
      throw new SQLException("could not write the journal in " + directory + ": " + e, e);
    }
  }

  private void reopen(long start) {
    try {
      channel = FileChannel.open(segmentPath(directory, segment), StandardOpenOption.WRITE);
      channel.truncate(start);
    } catch (IOException e) {
      log.warn("could not reopen the journal segment {}", segment, e);
    }
  }

  private void cutBack(long start) {
    try {
      channel.truncate(start);
      channel.force(false);
    } catch (ClosedChannelException e) {
      reopen(start);
    } catch (IOException e) {
      log.warn("could not cut back the journal after a failed commit", e);
    }
  }

  /** Returns the current segment's size in bytes. */
  long size() {
    lock.lock();
    try {
      return size;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Starts a new segment if the current one holds records, and returns what the older segments
   * hold; every transaction committed before this call is in them.
   *
   * @throws IOException if the new segment cannot be created
   */
  Sealed seal() throws IOException {
    lock.lock();
    try {
      if (closed || size == HEADER_BYTES) {
        return new Sealed(0, List.of());
      }
      FileChannel next = createSegment(directory, segment + 1);
      channel.close();
      channel = next;
      segment++;
      size = HEADER_BYTES;
      Sealed sealed = new Sealed(segment - 1, segmentContent);
      segmentContent = new ArrayList<>();
      return sealed;
    } finally {
      lock.unlock();
    }
  }

  /** The segments up to {@code lastSegment} and their content files, to delete once durable. */
  record Sealed(long lastSegment, List<String> contentFiles) {}

  /**
   * Deletes what {@code sealed} names; call after H2 made it durable. Segments go first, oldest
   * first, so a crash part-way leaves a contiguous tail of the journal whose content files are all
   * still there.
   */
  void delete(Sealed sealed) throws IOException {
    for (Path file : JournalReplay.files(directory, SEGMENT_PREFIX)) {
      if (segmentNumber(file) <= sealed.lastSegment()) {
        Files.delete(file);
      }
    }
    for (String name : sealed.contentFiles()) {
      Files.deleteIfExists(directory.resolve(name));
    }
  }

  private static long segmentNumber(Path file) {
    return Long.parseLong(file.getFileName().toString().substring(SEGMENT_PREFIX.length()));
  }

  /** Refuses further commits; the files stay for {@link #delete} or for replay. */
  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      ConnectionPool.quietlyClose(channel);
    } finally {
      lock.unlock();
    }
  }

  /** Returns the current segment's number (after {@link #close}, the last one). */
  long segment() {
    lock.lock();
    try {
      return segment;
    } finally {
      lock.unlock();
    }
  }

  /** Forces a new file's directory entry to the disk, where the platform can (Linux can). */
  private static void forceDirectory(Path directory) {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      log.debug("cannot force the directory {} on this platform", directory, e);
    }
  }

  static Path segmentPath(Path directory, long segment) {
    return directory.resolve(String.format("%s%016d", SEGMENT_PREFIX, segment));
  }

  private static FileChannel createSegment(Path directory, long segment) throws IOException {
    FileChannel created =
        FileChannel.open(
            segmentPath(directory, segment),
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE);
    ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).putInt(MAGIC).putInt(VERSION).flip();
    while (header.hasRemaining()) {
      created.write(header);
    }
    created.force(true);
    forceDirectory(directory);
    return created;
  }
}
