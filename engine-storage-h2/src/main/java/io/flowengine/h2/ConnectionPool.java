package io.flowengine.h2;

import io.flowengine.StorageException;
import io.flowengine.jdbc.SqlConnections;
import io.flowengine.jdbc.SqlWork;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embedded H2 connections for short calls: at most {@code size} in use at once, reused, each in
 * auto-commit mode between uses. Waiting for a connection parks the caller (virtual threads
 * included) without holding a monitor. Streams that stay open for the caller get a connection of
 * their own ({@link #openDedicated()}), so a slow reader never starves the pool. Thread-safe.
 */
final class ConnectionPool implements SqlConnections, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ConnectionPool.class);
  private static final Driver DRIVER = org.h2.Driver.load();
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

  private final String url;
  private final StorageFailures failures;
  private final int size;
  private final Duration waitLimit;
  private final Semaphore permits;
  private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
  private volatile boolean closed;
  private volatile @Nullable Journal journal;

  ConnectionPool(String url, StorageFailures failures, int size, Duration waitLimit) {
    this.url = url;
    this.failures = failures;
    this.size = size;
    this.waitLimit = waitLimit;
    this.permits = new Semaphore(size, true);
  }

  /**
   * Opens a connection that the caller closes; not counted against the pool. Once {@link
   * #journal(Journal)} was set, it commits through the journal.
   */
  Connection openDedicated() throws SQLException {
    if (closed) {
      throw new IllegalStateException("the storage is closed");
    }
    Connection plain = DRIVER.connect(url, new Properties());
    Journal current = journal;
    if (current == null) {
      return plain;
    }
    try {
      return JournaledConnection.wrap(plain, current);
    } catch (SQLException | RuntimeException e) {
      quietlyClose(plain);
      throw e;
    }
  }

  /** Makes the connections opened from now on commit through {@code journal}. */
  void journal(Journal journal) {
    this.journal = journal;
  }

  /**
   * Runs {@code work} with a pooled connection and returns its result.
   *
   * @throws SQLException what {@code work} threw
   * @throws StorageException if no connection became free within the wait limit
   */
  @Override
  public <T> T call(SqlWork<T> work) throws SQLException {
    acquire();
    return InterruptShield.run(() -> callShielded(work));
  }

  // H2 works on the caller's thread, which must not be interrupted meanwhile: see InterruptShield.
  private <T> T callShielded(SqlWork<T> work) throws SQLException {
    Connection connection = null;
    try {
      connection = idle.pollFirst();
      if (connection == null) {
        connection = openDedicated();
      }
      return work.execute(connection);
    } finally {
      release(connection);
    }
  }

  private void acquire() {
    if (closed) {
      throw new IllegalStateException("the storage is closed");
    }
    try {
      if (!permits.tryAcquire(waitLimit.toNanos(), TimeUnit.NANOSECONDS)) {
        throw new StorageException(
            "no connection to "
                + failures.database()
                + " became free within "
                + waitLimit
                + "; all "
                + size
                + " are in use");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageException(
          "interrupted while waiting for a connection to " + failures.database(), e);
    }
  }

  private void release(@Nullable Connection connection) {
    try {
      if (connection != null) {
        if (!closed && !connection.isClosed() && connection.getAutoCommit()) {
          idle.addFirst(connection);
        } else {
          quietlyClose(connection);
        }
      }
    } catch (SQLException e) {
      quietlyClose(connection);
    } finally {
      permits.release();
    }
    if (closed) {
      drainIdle();
    }
  }

  /** Closes idle connections; connections in use are closed when they are returned. */
  @Override
  public void close() {
    closed = true;
    drainIdle();
    // A call still running holds a connection, and with it the database file (and its lock), open:
    // wait for the borrowed ones to come back, so that once close returns another process can open
    // the file. Bounded, so a call stuck in the database cannot hold close forever.
    boolean all = false;
    boolean interrupted = false;
    try {
      all = permits.tryAcquire(size, CLOSE_WAIT.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      interrupted = true;
    }
    if (!all) {
      log.warn(
          "closing {} while calls still hold connections; they close when the calls end",
          failures.database());
    }
    drainIdle();
    if (all) {
      permits.release(size);
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void drainIdle() {
    Connection connection;
    while ((connection = idle.pollFirst()) != null) {
      quietlyClose(connection);
    }
  }

  static void quietlyClose(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      log.debug("closing {} failed", closeable, e);
    }
  }
}
