package io.flowengine.testing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadFactory;

/**
 * A virtual-thread factory that remembers every thread it made, so a test can prove that none is
 * left running after the engine closed. Thread-safe.
 */
final class ThreadTracker implements ThreadFactory {
  private final ThreadFactory delegate =
      Thread.ofVirtual().name("flowengine-test-flow-", 0).factory();
  private final ConcurrentLinkedQueue<Thread> threads = new ConcurrentLinkedQueue<>();

  @Override
  public Thread newThread(Runnable task) {
    Thread thread = delegate.newThread(task);
    threads.add(thread);
    return thread;
  }

  /** Waits up to {@code timeout} for every thread made so far to end; returns the ones alive. */
  List<Thread> awaitAllEnded(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Thread thread : threads) {
      long left = deadline - System.nanoTime();
      if (left > 0) {
        thread.join(Duration.ofNanos(left));
      }
    }
    return threads.stream().filter(Thread::isAlive).toList();
  }
}
