package io.flowengine;

/**
 * Receives flow changes: every state change and every progress change, each only once it is stored
 * (on a durable store: committed). Called outside any lock, on the thread that made the change or,
 * for the changes a flow's own thread queues without waiting (dispatch, progress, its outcome) on a
 * durable store, on the store's notifier thread; so a listener must be quick and must not block;
 * what it throws is logged and otherwise ignored. A reader of the flow (or {@link
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
