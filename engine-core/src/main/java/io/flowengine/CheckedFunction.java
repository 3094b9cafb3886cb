package io.flowengine;

/**
 * A function that may throw a checked exception, as used by {@link StepContext#inParallel}.
 *
 * @param <T> the argument type
 * @param <R> the result type
 */
@FunctionalInterface
public interface CheckedFunction<T, R> {
  /**
   * Applies the function.
   *
   * @throws Exception on failure; the caller decides what a failure means
   */
  R apply(T value) throws Exception;
}
