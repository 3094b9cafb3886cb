package io.flowengine.internal;

import io.flowengine.CheckedFunction;
import io.flowengine.spi.ContextPropagator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Applies a function to every item on its own virtual thread. The first failure interrupts the
 * siblings; an interrupt of the caller interrupts them all; in every case the call returns only
 * after every thread it started has ended. The caller's thread contexts can be carried onto the
 * threads. Stateless.
 */
final class ParallelMap {
  private ParallelMap() {}

  /** Maps {@code items} with {@code context} attached around each item on its thread. */
  @SuppressWarnings("try") // the attachment only makes the context current around the work
  static <T, R> List<R> map(
      List<T> items,
      CheckedFunction<? super T, ? extends R> work,
      Supplier<ContextPropagator.Attachment> context)
      throws Exception {
    List<Future<R>> futures = new ArrayList<>(items.size());
    try (ExecutorService threads =
        Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("flowengine-step-", 0).factory())) {
      ExecutorCompletionService<R> completion = new ExecutorCompletionService<>(threads);
      for (T item : items) {
        futures.add(
            completion.submit(
                () -> {
                  try (ContextPropagator.Attachment attached = context.get()) {
                    return work.apply(item);
                  }
                }));
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
