package io.flowengine.internal;

import io.flowengine.FlowAction;
import io.flowengine.FlowState;
import io.flowengine.FlowStateException;
import io.flowengine.NotFoundException;
import io.flowengine.PayloadTooLargeException;
import io.flowengine.spi.FlowRecord;
import io.flowengine.spi.FlowStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;

/**
 * Writes flow records to the store with each write's place in the delivery order reserved first
 * ({@link OrderedDelivery}), so that listeners and waiters hear a flow's stored changes in the
 * order they were stored; tells them of changes stored elsewhere; and makes the edits of a flow
 * that are not transitions (an input added, progress raised, the flow deleted). The transitions
 * themselves are {@link FlowStateMachine}'s. Thread-safe.
 */
final class FlowWrites {
  private final FlowStore store;
  private final ListenerBus listeners;
  private final FlowWaiters waiters;
  private final OrderedDelivery delivery;

  FlowWrites(FlowStore store, ListenerBus listeners, FlowWaiters waiters) {
    this.store = store;
    this.listeners = listeners;
    this.waiters = waiters;
    this.delivery = new OrderedDelivery(listeners, waiters);
  }

  FlowStore store() {
    return store;
  }

  ListenerBus listeners() {
    return listeners;
  }

  /**
   * Compare-and-sets {@code next} over {@code current} with its place in the delivery order
   * reserved first, and tells listeners and waiters if it was stored.
   */
  boolean compareAndSet(FlowRecord current, FlowRecord next) {
    OrderedDelivery.Slot slot = delivery.reserve(next);
    boolean stored = false;
    try {
      stored = store.compareAndSet(current, next);
    } finally {
      if (stored) {
        slot.changed(current, next);
      } else {
        slot.cancel();
      }
    }
    return stored;
  }

  /**
   * Compare-and-sets {@code next} over {@code current} without waiting for the store: the future
   * completes with {@code next} once it is stored (listeners and waiters told first), or with null
   * if the flow changed meanwhile.
   */
  CompletableFuture<@Nullable FlowRecord> compareAndSetAsync(FlowRecord current, FlowRecord next) {
    OrderedDelivery.Slot slot = delivery.reserve(next);
    CompletableFuture<Boolean> write;
    try {
      write = store.compareAndSetAsync(current, next);
    } catch (RuntimeException | Error e) {
      slot.cancel();
      throw e;
    }
    return write.handle(
        (stored, failure) -> {
          if (failure != null || stored == null || !stored) {
            slot.cancel();
            if (failure != null) {
              throw failure instanceof CompletionException c ? c : new CompletionException(failure);
            }
            return null;
          }
          slot.changed(current, next);
          return next;
        });
  }

  /**
   * Reserves the delivery place of a write of {@code next} the caller makes itself; it then fills
   * the place ({@link OrderedDelivery.Slot#changed}) or cancels it.
   */
  OrderedDelivery.Slot reserve(FlowRecord next) {
    return delivery.reserve(next);
  }

  /** Reserves the delivery places of writes of {@code next}, one per record, in that order. */
  List<OrderedDelivery.Slot> reserveAll(List<FlowRecord> next) {
    List<OrderedDelivery.Slot> slots = new ArrayList<>(next.size());
    for (FlowRecord record : next) {
      slots.add(delivery.reserve(record));
    }
    return slots;
  }

  /**
   * Tells listeners and waiters about a stored change ({@code previous} null for a new flow) whose
   * place was not reserved before it was written; it is delivered after what was reserved before.
   */
  void changed(@Nullable FlowRecord previous, FlowRecord current) {
    delivery.reserve(current).changed(previous, current);
  }

  /**
   * Tells listeners about a stored progress change whose place was not reserved before it was
   * written (another node's); it is delivered after what was reserved before.
   */
  void progressed(FlowRecord current) {
    delivery.reserve(current).progressed(current);
  }

  /**
   * Completes the waiters of a flow found terminal as {@code stored}, once the listeners were told
   * of that change (at once if they were).
   */
  void terminalFound(FlowRecord stored) {
    delivery.afterDelivered(stored, () -> waiters.terminal(stored));
  }

  /** Returns how many flows have changes reserved or waiting for delivery now (for tests). */
  int pendingDeliveries() {
    return delivery.pendingFlows();
  }

  /**
   * Records a stored input on a created flow.
   *
   * @throws FlowStateException if the flow is no longer created
   * @throws NotFoundException if it was deleted
   * @throws PayloadTooLargeException if the flow already has {@code maxInputs} inputs
   */
  FlowRecord addInput(FlowRecord current, String assetId, int maxInputs) {
    FlowRecord record = current;
    while (true) {
      if (record.state() != FlowState.CREATED) {
        throw new FlowStateException(record.id(), record.state(), FlowAction.ADD_INPUT);
      }
      if (record.inputIds().size() >= maxInputs) {
        throw new PayloadTooLargeException(
            "inputs of flow " + record.id(), "inputs", maxInputs, record.inputIds().size() + 1);
      }
      FlowRecord next = record.withInput(assetId);
      if (store.compareAndSet(record, next)) {
        return next;
      }
      record = reread(record.id());
    }
  }

  /**
   * Deletes the flow record if its state allows.
   *
   * @throws FlowStateException if the flow's state does not allow deletion
   * @throws NotFoundException if it was deleted meanwhile
   */
  FlowRecord delete(FlowRecord current) {
    FlowRecord record = current;
    while (true) {
      if (!FlowAction.DELETE.isAllowedIn(record.state())) {
        throw new FlowStateException(record.id(), record.state(), FlowAction.DELETE);
      }
      if (store.delete(record)) {
        waiters.deleted(record.id());
        return record;
      }
      record = reread(record.id());
    }
  }

  /** Reads the flow again for a caller's action; a deleted flow throws. */
  FlowRecord reread(String flowId) {
    return store
        .find(flowId)
        .orElseThrow(() -> new NotFoundException(NotFoundException.Kind.FLOW, flowId));
  }
}
