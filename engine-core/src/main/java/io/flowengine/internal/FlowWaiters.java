package io.flowengine.internal;

import io.flowengine.Flow;
import io.flowengine.NotFoundException;
import io.flowengine.spi.FlowRecord;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Futures that complete when a flow becomes terminal. A waiter registers before it reads the flow,
 * and a transition completes the waiters after it stored the terminal state, so one of the two
 * always sees the other. Thread-safe.
 */
final class FlowWaiters {
  private final ConcurrentMap<String, CompletableFuture<Flow>> waiting = new ConcurrentHashMap<>();

  /**
   * Registers interest in {@code flowId}; the caller then checks the current state. Each caller
   * gets its own future, so cancelling it affects no other waiter.
   */
  CompletableFuture<Flow> register(String flowId) {
    CompletableFuture<Flow> shared =
        waiting.computeIfAbsent(flowId, id -> new CompletableFuture<>());
    CompletableFuture<Flow> own = new CompletableFuture<>();
    // The forwarding action cannot throw, so the stage whenComplete returns has nothing to tell.
    CompletableFuture<?> unused =
        shared.whenComplete(
            (flow, failure) -> {
              if (failure != null) {
                own.completeExceptionally(failure);
              } else {
                own.complete(flow);
              }
            });
    return own;
  }

  void terminal(FlowRecord record) {
    // No waiting.isEmpty() shortcut: ConcurrentHashMap's size and isEmpty are not linearizable
    // (an insert is counted after it is visible), so a concurrent register/remove pair on another
    // flow can make the map look empty while this flow's waiter is in it, and the waiter is lost.
    // A remove of an absent key takes no lock and costs about as much as isEmpty did.
    CompletableFuture<Flow> future = waiting.remove(record.id());
    if (future != null) {
      future.complete(record.toFlow());
    }
  }

  /** Returns whether anyone waits for {@code flowId}. */
  boolean isWaiting(String flowId) {
    return waiting.containsKey(flowId);
  }

  /** Returns the flows someone waits for, at the moment. */
  List<String> waitingFor() {
    return List.copyOf(waiting.keySet());
  }

  void deleted(String flowId) {
    CompletableFuture<Flow> future = waiting.remove(flowId);
    if (future != null) {
      future.completeExceptionally(new NotFoundException(NotFoundException.Kind.FLOW, flowId));
    }
  }

  void cancelAll() {
    waiting.forEach(
        (id, future) -> {
          if (waiting.remove(id, future)) {
            future.completeExceptionally(new CancellationException("the engine was closed"));
          }
        });
  }
}
