package io.flowengine.spi;

import java.time.Instant;

/**
 * Runs an action once the engine's clock reaches a deadline; the engine uses it for flow timeouts.
 * The default runs actions on a timer thread against the system clock; a test scheduler fires them
 * when a manual clock is advanced. Implementations must be thread-safe.
 */
public interface DeadlineScheduler {
  /** Cancels a scheduled action. */
  @FunctionalInterface
  interface Cancellable {
    /** Cancels the action if it has not run yet; does nothing otherwise. */
    void cancel();
  }

  /** Runs {@code action} at or soon after {@code deadline}. */
  Cancellable schedule(Instant deadline, Runnable action);

  /** Stops the scheduler; pending actions are dropped. Called when the engine closes. */
  default void shutdown() {}
}
