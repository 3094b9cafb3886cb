package io.flowengine.spi;

/**
 * Hears of every commit a durable store makes for its grouped writes: how many changes it carried
 * and how long writing and committing them took. For metrics (a Micrometer binding, a log line),
 * not for control flow. Called on the store's writer thread right after the commit, so it must be
 * quick and must not block; what it throws is logged and otherwise ignored. Implementations must be
 * thread-safe.
 */
@FunctionalInterface
public interface CommitListener {
  /**
   * Called after one transaction committed.
   *
   * @param changes the changes it acknowledged (each caller's insert, update or delete), before
   *     coalescing
   * @param statements the statements it executed, after coalescing several changes of one flow
   * @param nanos the time from taking the batch off the queue to the end of the commit
   */
  void committed(int changes, int statements, long nanos);

  /** Returns a listener that ignores every commit. */
  static CommitListener none() {
    return (changes, statements, nanos) -> {};
  }
}
