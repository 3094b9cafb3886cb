package io.flowengine.internal;

import java.util.concurrent.atomic.AtomicBoolean;

/** Whether the engine still takes calls. Thread-safe. */
final class EngineLifecycle {
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * Returns normally while the engine is open.
   *
   * @throws IllegalStateException once it was closed
   */
  void ensureOpen() {
    if (closed.get()) {
      throw new IllegalStateException("the flow engine is closed");
    }
  }

  /** Marks the engine closed; returns false if it already was. */
  boolean close() {
    return closed.compareAndSet(false, true);
  }
}
