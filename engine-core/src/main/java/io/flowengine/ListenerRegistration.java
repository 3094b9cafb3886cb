package io.flowengine;

/** Removes a listener added with {@link FlowEngine#addListener}. Thread-safe and idempotent. */
@FunctionalInterface
public interface ListenerRegistration extends AutoCloseable {
  /** Stops delivering changes to the listener; calling it again does nothing. */
  @Override
  void close();
}
