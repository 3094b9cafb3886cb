package io.flowengine.testing;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * An executor that only queues: the test runs the queued flows when it chooses, on its own thread,
 * with {@link #runNext()} or {@link #runUntilIdle()}. Thread-safe.
 */
public final class ManualExecutor implements Executor {
  private final ArrayDeque<Runnable> queue = new ArrayDeque<>();

  /** Creates an executor with an empty queue. */
  public ManualExecutor() {}

  @Override
  public synchronized void execute(Runnable task) {
    queue.addLast(task);
  }

  /** Runs the oldest queued task on the calling thread; returns false if none was queued. */
  public boolean runNext() {
    Runnable task = poll();
    if (task == null) {
      return false;
    }
    task.run();
    return true;
  }

  /** Runs queued tasks, including ones they queue, until none is left; returns how many ran. */
  public int runUntilIdle() {
    int ran = 0;
    while (runNext()) {
      ran++;
    }
    return ran;
  }

  /** Returns how many tasks are queued. */
  public synchronized int pending() {
    return queue.size();
  }

  private synchronized @Nullable Runnable poll() {
    return queue.pollFirst();
  }
}
