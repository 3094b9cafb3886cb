package io.flowengine.spi;

import org.jspecify.annotations.Nullable;

/**
 * Carries a caller's thread context (a trace context, a logging context, a security principal) onto
 * the thread a flow runs on. Registered with {@code FlowEngine.builder().contextPropagator(...)}.
 *
 * <p>The engine calls {@link #capture()} on the caller's thread in {@code createFlow}, {@code
 * startFlow} and {@code addInput}; the last context captured before the flow runs is the one it
 * carries. On the flow's thread it calls {@link #attach} before the run and closes what that
 * returns after the run, on the same thread, so every {@link FlowObserver} execution call and every
 * step runs inside the context. Captured contexts are kept in memory only: a flow recovered after a
 * restart runs without one. Implementations must be thread-safe.
 *
 * @param <C> the captured context
 */
public interface ContextPropagator<C> {

  /** Returns the calling thread's context, or null if there is nothing to carry. */
  @Nullable C capture();

  /**
   * Makes {@code context} current on the calling thread.
   *
   * @return what restores the thread's previous context when closed
   */
  Attachment attach(C context);

  /** Undoes one {@link #attach}; closed exactly once, on the thread that attached. */
  @FunctionalInterface
  interface Attachment extends AutoCloseable {
    /** Restores the context the thread had before. Throws nothing checked. */
    @Override
    void close();
  }
}
