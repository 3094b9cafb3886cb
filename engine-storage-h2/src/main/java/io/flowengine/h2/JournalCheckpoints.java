package io.flowengine.h2;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the journal short: every {@link #INTERVAL}, or as soon as the current segment exceeds
 * {@link #SEGMENT_LIMIT} bytes, seals the segment, makes H2 durable ({@code CHECKPOINT SYNC}) and
 * deletes the sealed segments and their content files. One daemon thread. Thread-safe.
 */
final class JournalCheckpoints implements AutoCloseable {
  /** 10 s; {@code -Dflowengine.h2.journalCheckpointMillis} shortens it for crash tests. */
  static final Duration INTERVAL =
      Duration.ofMillis(Long.getLong("flowengine.h2.journalCheckpointMillis", 10_000));

  static final long SEGMENT_LIMIT = 16L << 20;

  /** Makes every commit H2 has acknowledged durable in its file. */
  interface Durable {
    void sync() throws Exception;
  }

  private static final Logger log = LoggerFactory.getLogger(JournalCheckpoints.class);

  private final Journal journal;
  private final Durable durable;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition wake = lock.newCondition();
  private final Thread thread;
  private boolean closed;

  JournalCheckpoints(Journal journal, Durable durable) {
    this.journal = journal;
    this.durable = durable;
    this.thread = Thread.ofPlatform().daemon().name("flowengine-h2-journal").unstarted(this::run);
    journal.onFull(this::full);
    thread.start();
  }

  /** Asks for a checkpoint now: the segment has grown past its limit. */
  private void full() {
    lock.lock();
    try {
      wake.signal();
    } finally {
      lock.unlock();
    }
  }

  private void run() {
    while (true) {
      lock.lock();
      try {
        if (!closed) {
          wake.await(INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        }
        if (closed) {
          return;
        }
      } catch (InterruptedException e) {
        return;
      } finally {
        lock.unlock();
      }
      checkpoint();
    }
  }

  /** Seals, syncs and deletes; a failure keeps the segments for the next try or for replay. */
  void checkpoint() {
    try {
      Journal.Sealed sealed = journal.seal();
      if (sealed.lastSegment() < 1) {
        return;
      }
      durable.sync();
      journal.delete(sealed);
    } catch (Exception e) {
      log.warn("journal checkpoint failed; the journal keeps its segments: {}", e.toString());
    }
  }

  /** Stops the thread, waiting for a checkpoint under way. */
  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      wake.signal();
    } finally {
      lock.unlock();
    }
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
