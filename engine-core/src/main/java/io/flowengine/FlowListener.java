package io.flowengine;

/**
 * Receives flow changes: every state change and every progress change. Called on the thread that
 * made the change, after it was stored and outside any lock, so a listener must be quick and must
 * not block; what it throws is logged and otherwise ignored. A reader of the flow (or {@link
 * FlowEngine#awaitFlow}) may see a change slightly before the listeners are told of it.
 * Implementations must be thread-safe: changes of different flows arrive concurrently.
 */
public interface FlowListener {
  /**
   * Called after a flow moved from {@code previous.state()} to {@code current.state()}. Also called
   * with {@code previous == null} when a flow is created.
   */
  default void onStateChange(@org.jspecify.annotations.Nullable Flow previous, Flow current) {}

  /** Called after a running flow's progress increased. */
  default void onProgress(Flow flow) {}
}
