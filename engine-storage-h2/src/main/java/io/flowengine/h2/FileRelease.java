package io.flowengine.h2;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits, when the storage closes, until H2 has let go of the database file's lock, so that once
 * {@link H2Storage#close()} returns another process can open the file. {@code CrashRecoveryTest}
 * saw the file still locked by its own JVM right after a close had returned (a child then failed
 * with "in use by another process"), with no session left open at the close. The check takes the
 * lock itself and releases it at once; H2 gives no event to wait on, so it polls, backing off from
 * 0.1 ms to 20 ms, for at most {@link #WAIT}. Called by one thread, on close.
 */
final class FileRelease {
  /** How long closing waits for the lock at most. */
  static final Duration WAIT = Duration.ofSeconds(10);

  private static final Logger log = LoggerFactory.getLogger(FileRelease.class);
  private static final long FIRST_PAUSE_NANOS = TimeUnit.MICROSECONDS.toNanos(100);
  private static final long LONGEST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  private FileRelease() {}

  /**
   * Returns once nothing holds a lock on {@code file}, or after {@link #WAIT} (logged at WARN).
   *
   * @return whether the file was found released
   */
  static boolean await(Path file, String description) {
    long start = System.nanoTime();
    long pause = FIRST_PAUSE_NANOS;
    while (!released(file)) {
      long waited = System.nanoTime() - start;
      if (waited > WAIT.toNanos()) {
        log.warn("{}: the file is still locked {} after closing", description, WAIT);
        return false;
      }
      LockSupport.parkNanos(pause);
      pause = Math.min(2 * pause, LONGEST_PAUSE_NANOS);
    }
    if (pause > FIRST_PAUSE_NANOS) {
      log.info(
          "{}: H2 released the file {} ms after closing it",
          description,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }
    return true;
  }

  private static boolean released(Path file) {
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return false;
      }
      lock.release();
      return true;
    } catch (OverlappingFileLockException e) {
      return false;
    } catch (NoSuchFileException e) {
      return true;
    } catch (IOException e) {
      log.debug("could not check the lock of {}", file, e);
      return true;
    }
  }
}
