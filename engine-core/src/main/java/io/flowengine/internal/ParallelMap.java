package io.flowengine.internal;

import io.flowengine.CheckedFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Applies a function to every item on its own virtual thread. The first failure interrupts the
 * siblings; an interrupt of the caller interrupts them all; in every case the call returns only
 * after every thread it started has ended. Stateless.
 */
final class ParallelMap {
  private ParallelMap() {}

  static <T, R> List<R> map(List<T> items, CheckedFunction<? super T, ? extends R> work)
      throws Exception {
    List<Future<R>> futures = new ArrayList<>(items.size());
    try (ExecutorService threads =
        Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("flowengine-step-", 0).factory())) {
      ExecutorCompletionService<R> completion = new ExecutorCompletionService<>(threads);
      for (T item : items) {
        futures.add(completion.submit(() -> work.apply(item)));
      }
      try {
        for (int i = 0; i < items.size(); i++) {
          completion.take().get();
        }
      } catch (ExecutionException e) {
        futures.forEach(future -> future.cancel(true));
        throw rethrowable(e);
      } catch (InterruptedException e) {
        futures.forEach(future -> future.cancel(true));
        throw e;
      }
    }
    List<R> results = new ArrayList<>(futures.size());
    futures.forEach(future -> results.add(future.resultNow()));
    return results;
  }

  /** Returns what the failed task threw; an error is thrown at once. */
  private static Exception rethrowable(ExecutionException e) {
    Throwable cause = e.getCause();
    if (cause instanceof Error error) {
      throw error;
    }
    return cause instanceof Exception exception ? exception : e;
  }
}
