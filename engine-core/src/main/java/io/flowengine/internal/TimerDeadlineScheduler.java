package io.flowengine.internal;

import io.flowengine.spi.DeadlineScheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The default {@link DeadlineScheduler}: one timer thread (virtual), created on the first deadline,
 * that waits for the distance between the clock's now and each deadline. Thread-safe.
 */
final class TimerDeadlineScheduler implements DeadlineScheduler {
  private final Clock clock;
  private @Nullable ScheduledThreadPoolExecutor timer; // guarded by this
  private boolean shutdown; // guarded by this

  TimerDeadlineScheduler(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Cancellable schedule(Instant deadline, Runnable action) {
    long delay = Math.max(0, Duration.between(clock.instant(), deadline).toNanos());
    var future = timer().schedule(action, delay, TimeUnit.NANOSECONDS);
    return () -> future.cancel(false);
  }

  private synchronized ScheduledThreadPoolExecutor timer() {
    if (shutdown) {
      throw new IllegalStateException("the deadline scheduler was shut down");
    }
    if (timer == null) {
      timer =
          new ScheduledThreadPoolExecutor(1, Thread.ofVirtual().name("flowengine-timer").factory());
      timer.setRemoveOnCancelPolicy(true);
    }
    return timer;
  }

  @Override
  public void shutdown() {
    ScheduledThreadPoolExecutor toStop;
    synchronized (this) {
      shutdown = true;
      toStop = timer;
    }
    if (toStop != null) {
      toStop.shutdownNow();
      try {
        toStop.awaitTermination(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
