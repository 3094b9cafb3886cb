package io.flowengine.testing;

import static java.util.Objects.requireNonNull;

import com.google.common.base.Preconditions;
import io.flowengine.spi.DeadlineScheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A clock that moves only when a test moves it, and the {@link DeadlineScheduler} that goes with
 * it: {@link #advance(Duration)} runs, on the calling thread and in deadline order, every action
 * whose deadline it reaches. So flow timeouts and API-key expiry happen exactly when the test says.
 * Thread-safe.
 */
public final class ManualClock extends Clock implements DeadlineScheduler {
  private record Scheduled(Instant deadline, long sequence, Runnable action) {}

  private final PriorityQueue<Scheduled> pending =
      new PriorityQueue<>(
          (a, b) -> {
            int byTime = a.deadline.compareTo(b.deadline);
            return byTime != 0 ? byTime : Long.compare(a.sequence, b.sequence);
          });
  private Instant now;
  private long sequence;

  /** Creates a clock showing {@code start}. */
  public ManualClock(Instant start) {
    this.now = requireNonNull(start, "start");
  }

  /** Creates a clock showing 2030-01-01T00:00:00Z. */
  public ManualClock() {
    this(Instant.parse("2030-01-01T00:00:00Z"));
  }

  @Override
  public synchronized Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a ManualClock is always UTC");
  }

  /**
   * Moves the clock forward and runs every action whose deadline is now reached.
   *
   * @throws IllegalArgumentException if {@code duration} is negative
   */
  public void advance(Duration duration) {
    Preconditions.checkArgument(!duration.isNegative(), "cannot go back in time: %s", duration);
    List<Runnable> due = new ArrayList<>();
    synchronized (this) {
      now = now.plus(duration);
      while (!pending.isEmpty() && !pending.peek().deadline.isAfter(now)) {
        due.add(pending.poll().action);
      }
    }
    due.forEach(Runnable::run);
  }

  @Override
  public Cancellable schedule(Instant deadline, Runnable action) {
    requireNonNull(deadline, "deadline");
    requireNonNull(action, "action");
    Scheduled scheduled;
    synchronized (this) {
      scheduled = new Scheduled(deadline, sequence++, action);
      pending.add(scheduled);
    }
    return () -> {
      synchronized (this) {
        pending.remove(scheduled);
      }
    };
  }

  /** Returns how many scheduled actions have not run yet. */
  public synchronized int pendingDeadlines() {
    return pending.size();
  }

  @Override
  public String toString() {
    return "ManualClock[" + instant() + "]";
  }
}
