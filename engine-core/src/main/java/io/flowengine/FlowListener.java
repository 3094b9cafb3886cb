package io.flowengine;

/**
 * Receives flow changes: every state change and every progress change, each only once it is stored
 * (on a durable store: committed). One flow's changes arrive one at a time, in the order in which
 * they were stored ({@code previous} of each is the {@code current} of the one before), whichever
 * threads stored them. Called outside any lock, on the thread that made the change, on the store's
 * notifier thread (for the changes a flow's own thread queues without waiting on a durable store),
 * or on the thread that stored an earlier change of the same flow and delivers the ones waiting
 * behind it; so a listener must be quick and must not block; what it throws is logged and otherwise
 * ignored. A reader of the flow may see a change slightly before the listeners are told of it;
 * {@link FlowEngine#awaitFlow} completes only after they were told of the terminal change.
 * Implementations must be thread-safe: changes of different flows arrive concurrently.
 *
 * <p>In cluster mode a listener also hears the state changes other nodes store, on this node's
 * cluster thread soon after they are committed: {@code previous} is then the flow as this node last
 * told of it, or null if it had not before, and changes that followed each other quickly may arrive
 * as one (the flow as read when the announcement arrived). Other nodes' progress changes are not
 * announced.
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
