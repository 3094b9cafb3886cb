package io.flowengine.spi;

import org.jspecify.annotations.Nullable;

/**
 * What a {@link FlowObserver} opened around a flow's run or one of its steps, closed by the engine
 * exactly once, on the thread that opened it. Need not be thread-safe.
 */
@FunctionalInterface
public interface ObservationScope {
  /**
   * Ends the scope.
   *
   * @param failure what ended the run or step abnormally (a step's exception, or an {@link
   *     InterruptedException} when the flow was stopped), or null if it returned
   */
  void close(@Nullable Throwable failure);

  /** Returns a scope that does nothing. */
  static ObservationScope none() {
    return failure -> {};
  }
}
