package io.flowengine.jdbc;

import static java.util.Objects.requireNonNull;

import io.flowengine.StorageException;
import io.flowengine.spi.CommitListener;
import io.flowengine.spi.FlowRecord;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for a SQL store: the flow changes that wait at the same moment, from every caller
 * and every flow, are written by one writer thread in one transaction and one commit, and then each
 * is acknowledged with its own result or its own error.
 *
 * <ul>
 *   <li>Each method returns a future that completes only after the change is committed (or decided
 *       not to be written), so a caller that waits for it has its change as durable as the
 *       database's commit makes it.
 *   <li>A versioned update whose version moved loses alone ({@code false}); the rest of its batch
 *       commits. A change whose statement fails (a duplicate key, a bad value) fails alone, with
 *       the typed error of {@link FlowSql#failure}.
 *   <li>An update that expects exactly the record a pending change writes (the same instance)
 *       depends on it: it is written only if that one is, and changes of one flow that are queued
 *       together are coalesced into one statement (a step's thousand progress updates cost a few
 *       writes).
 *   <li>The queue is bounded: when it is full, callers wait. Nothing is dropped.
 *   <li>Started with a {@link ConnectionSource}, the writer replaces a connection that broke: the
 *       changes of the batch it broke in fail with the database's error, the next batch is written
 *       on a new connection.
 * </ul>
 *
 * <p>Futures are completed in commit order on a notifier thread of their own, never on the writer,
 * so what a caller chains on a future cannot stall the writes; it must not wait for another
 * change's future there either. Thread-safe.
 */
public final class GroupCommit implements AutoCloseable {
  /** Changes that may wait before callers are held back, unless set otherwise. */
  public static final int DEFAULT_CAPACITY = 8192;

  /** Changes written in one transaction at most, unless set otherwise. */
  public static final int DEFAULT_MAX_BATCH = 1024;

  private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
  private static final List<PendingChange> STOP = List.of();

  private final String name;
  private final FlowSql sql;
  private final WriterConnection connection;
  private final ChangeQueue queue;
  private final int maxBatch;
  private final CommitListener listener;
  private final LinkedBlockingQueue<List<PendingChange>> decided = new LinkedBlockingQueue<>();
  private final Thread writerThread;
  private final Thread notifierThread;

  private GroupCommit(
      String name,
      ConnectionSource source,
      FlowSql sql,
      int capacity,
      int maxBatch,
      CommitListener listener)
      throws SQLException {
    this.name = name;
    this.sql = sql;
    // the writer thread's alone once started; close() uses it after joining that thread
    this.connection = new WriterConnection(name, source, sql);
    connection.writer();
    this.queue = new ChangeQueue(capacity);
    this.maxBatch = maxBatch;
    this.listener = listener;
    this.writerThread = Thread.ofPlatform().daemon().name(name + "-writer").unstarted(this::write);
    this.notifierThread =
        Thread.ofPlatform().daemon().name(name + "-notifier").unstarted(this::notifyCallers);
  }

  /**
   * Starts the writer on {@code connection}, which it owns from now on (it is closed with this). If
   * the connection breaks, the changes of that batch fail and so do all later ones: use {@link
   * #start(String, ConnectionSource, FlowSql, int, int, CommitListener)} where a connection can
   * break (a database server).
   *
   * @param name names the threads, e.g. {@code "flowengine-h2"}
   * @param capacity how many changes may wait before callers are held back
   * @param maxBatch how many changes one transaction takes at most
   * @throws SQLException if the statements cannot be prepared
   * @throws IllegalArgumentException if {@code capacity} or {@code maxBatch} is not positive
   */
  public static GroupCommit start(
      String name,
      Connection connection,
      FlowSql sql,
      int capacity,
      int maxBatch,
      CommitListener listener)
      throws SQLException {
    requireNonNull(connection, "connection");
    boolean[] given = {false};
    ConnectionSource once =
        () -> {
          if (given[0]) {
            throw new SQLException("the writer's connection broke and cannot be replaced", "08003");
          }
          given[0] = true;
          return connection;
        };
    return start(name, once, sql, capacity, maxBatch, listener);
  }

  /**
   * Starts the writer on a connection from {@code source}; when that connection breaks (the changes
   * of its batch fail with the database's error, which says that they may or may not have been
   * committed), the next batch opens another one.
   *
   * @param name names the threads, e.g. {@code "flowengine-postgres"}
   * @param capacity how many changes may wait before callers are held back
   * @param maxBatch how many changes one transaction takes at most
   * @throws SQLException if the first connection cannot be opened or its statements prepared
   * @throws IllegalArgumentException if {@code capacity} or {@code maxBatch} is not positive
   */
  public static GroupCommit start(
      String name,
      ConnectionSource source,
      FlowSql sql,
      int capacity,
      int maxBatch,
      CommitListener listener)
      throws SQLException {
    if (capacity <= 0 || maxBatch <= 0) {
      throw new IllegalArgumentException(
          "capacity and maxBatch must be positive: " + capacity + ", " + maxBatch);
    }
    GroupCommit commit =
        new GroupCommit(
            requireNonNull(name, "name"),
            requireNonNull(source, "source"),
            requireNonNull(sql, "sql"),
            capacity,
            maxBatch,
            requireNonNull(listener, "listener"));
    commit.writerThread.start();
    commit.notifierThread.start();
    return commit;
  }

  /**
   * Queues the insert of a new flow.
   *
   * @return completes once committed, or with the {@link FlowSql#failure} of the insert (an {@link
   *     IllegalStateException} if the flow exists)
   * @throws IllegalStateException if this was closed
   */
  @SuppressWarnings("unchecked")
  public CompletableFuture<Void> insert(FlowRecord record) {
    return (CompletableFuture<Void>) (CompletableFuture<?>) add(PendingChange.insert(record));
  }

  /**
   * Queues a versioned compare-and-set.
   *
   * @return completes with whether the row was replaced, once that is committed
   * @throws IllegalStateException if this was closed
   */
  @SuppressWarnings("unchecked")
  public CompletableFuture<Boolean> compareAndSet(FlowRecord expected, FlowRecord next) {
    return (CompletableFuture<Boolean>)
        (CompletableFuture<?>) add(PendingChange.update(expected, next));
  }

  /**
   * Queues a versioned delete.
   *
   * @return completes with whether the row was deleted, once that is committed
   * @throws IllegalStateException if this was closed
   */
  @SuppressWarnings("unchecked")
  public CompletableFuture<Boolean> delete(FlowRecord expected) {
    return (CompletableFuture<Boolean>) (CompletableFuture<?>) add(PendingChange.delete(expected));
  }

  /**
   * Queues other statements to run in a batch's transaction.
   *
   * @return completes with what {@code work} returned, once committed
   * @throws IllegalStateException if this was closed
   */
  @SuppressWarnings("unchecked")
  public <T> CompletableFuture<T> execute(SqlWork<T> work) {
    return (CompletableFuture<T>) (CompletableFuture<?>) add(PendingChange.work(work));
  }

  private CompletableFuture<Object> add(PendingChange change) {
    queue.add(change);
    return change.future;
  }

  /** Returns how many changes wait to be written; for tests and metrics. */
  public int queued() {
    return queue.size();
  }

  /**
   * Waits for a change and returns its result, rethrowing its own error (unwrapped).
   *
   * @throws RuntimeException what the change failed with
   */
  public static <T> T await(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  private void write() {
    try {
      while (true) {
        List<PendingChange> batch = queue.take(maxBatch, TimeUnit.SECONDS.toNanos(1));
        if (batch.isEmpty()) {
          if (queue.isClosedAndEmpty()) {
            return;
          }
          continue;
        }
        long start = System.nanoTime();
        int executed = 0;
        try {
          executed = writeOrFail(batch);
        } catch (RuntimeException | Error e) {
          log.error("{}: writing a batch of {} changes failed", name, batch.size(), e);
          StorageException failure =
              new StorageException(name + ": the write failed unexpectedly: " + e, e);
          for (PendingChange change : batch) {
            if (change.succeeded == null) {
              change.fail(failure);
            }
          }
        }
        long nanos = System.nanoTime() - start;
        queue.decided(batch);
        try {
          listener.committed(batch.size(), executed, nanos);
        } catch (RuntimeException e) {
          log.warn("{}: commit listener {} failed", name, listener, e);
        }
        decided.add(batch);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      decided.add(STOP);
    }
  }

  /** Writes a batch on the current connection, opening a new one first if the last one broke. */
  private int writeOrFail(List<PendingChange> batch) {
    BatchWriter current;
    try {
      current = connection.writer();
    } catch (SQLException e) {
      RuntimeException failure = sql.failure("reconnect to write " + batch.size() + " changes", e);
      for (PendingChange change : batch) {
        change.fail(failure);
      }
      return 0;
    }
    int executed = current.write(batch);
    for (PendingChange change : batch) {
      if (change.failure != null) {
        connection.dropIfBroken();
        break;
      }
    }
    return executed;
  }

  private void notifyCallers() {
    while (true) {
      List<PendingChange> batch;
      try {
        batch = decided.take();
      } catch (InterruptedException e) {
        continue; // only close() stops it, after the writer's last batch
      }
      if (isStop(batch)) {
        return;
      }
      for (PendingChange change : batch) {
        try {
          change.acknowledge();
        } catch (RuntimeException e) {
          log.warn("{}: a caller's continuation failed", name, e);
        }
      }
    }
  }

  /**
   * Refuses new changes, writes those still queued, acknowledges them and closes the connection.
   * Idempotent.
   */
  @Override
  public void close() {
    queue.close();
    boolean interrupted = false;
    for (Thread thread : new Thread[] {writerThread, notifierThread}) {
      if (thread == Thread.currentThread()) {
        continue;
      }
      while (thread.isAlive()) {
        try {
          thread.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    connection.close();
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return name;
  }

  /** Whether {@code batch} is the {@link #STOP} marker itself, not an equal empty batch. */
  @SuppressWarnings("ReferenceEquality")
  private static boolean isStop(List<PendingChange> batch) {
    return batch == STOP;
  }
}
