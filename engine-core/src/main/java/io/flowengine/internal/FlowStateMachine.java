package io.flowengine.internal;

import static java.util.Objects.requireNonNull;

import io.flowengine.FlowAction;
import io.flowengine.FlowHistory;
import io.flowengine.FlowState;
import io.flowengine.FlowStateException;
import io.flowengine.FlowTransition;
import io.flowengine.NotFoundException;
import io.flowengine.PayloadTooLargeException;
import io.flowengine.spi.FlowRecord;
import io.flowengine.spi.FlowStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;

/**
 * Applies {@link FlowTransitions} to stored flows without locks: read the record, compute the next
 * immutable version, compare-and-set it in the store, and on a lost race read again. After a
 * successful change it tells listeners and waiters. Thread-safe.
 */
final class FlowStateMachine {
  /** Progress while running stays below this; exactly 1.0 means completed. */
  static final double MAX_RUNNING_PROGRESS = 0.999;

  private final FlowStore store;
  private final ListenerBus listeners;
  private final FlowWaiters waiters;
  private final OrderedDelivery delivery;
  private final Clock clock;

  FlowStateMachine(FlowStore store, ListenerBus listeners, FlowWaiters waiters, Clock clock) {
    this.store = store;
    this.listeners = listeners;
    this.waiters = waiters;
    this.delivery = new OrderedDelivery(listeners, waiters);
    this.clock = clock;
  }

  /** Returns the engine time, at the microsecond precision every store keeps. */
  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * Fires {@code event} on the flow, starting from {@code current}.
   *
   * @param refusal if not null, a refused or vanished flow throws naming this action; if null, the
   *     method returns null instead
   * @return the stored new version, or null if the event was not legal or the flow is gone
   */
  @Nullable FlowRecord fire(
      FlowRecord current, FlowEvent event, @Nullable String error, @Nullable FlowAction refusal) {
    FlowRecord record = current;
    while (true) {
      FlowState to = FlowTransitions.next(record.state(), event);
      if (to == null) {
        if (refusal != null) {
          throw new FlowStateException(record.id(), record.state(), refusal);
        }
        return null;
      }
      FlowRecord next = advance(record, event, to, error);
      if (compareAndSet(record, next)) {
        return next;
      }
      record = reread(record.id(), refusal);
      if (record == null) {
        return null;
      }
    }
  }

  /**
   * Fires {@code event} on the flow for a caller's {@code action}, which names the refusal.
   *
   * @return the stored new version, never null
   * @throws FlowStateException if the event is not legal in the flow's state
   * @throws NotFoundException if the flow was deleted
   */
  FlowRecord fireOrRefuse(FlowRecord current, FlowEvent event, FlowAction action) {
    // With an action to name, fire throws instead of returning null.
    return requireNonNull(fire(current, event, null, action));
  }

  /**
   * Fires {@code event} on many flows at once with one {@link FlowStore#compareAndSetAll}; a flow
   * that changed meanwhile is retried alone, as {@link #fire} would. Flows on which the event is
   * not legal are left as they are.
   *
   * @return the stored new versions of the flows that changed
   */
  List<FlowRecord> fireAll(List<FlowRecord> current, FlowEvent event, @Nullable String error) {
    List<FlowRecord> from = new ArrayList<>(current.size());
    List<FlowRecord> to = new ArrayList<>(current.size());
    for (FlowRecord record : current) {
      FlowState next = FlowTransitions.next(record.state(), event);
      if (next != null) {
        from.add(record);
        to.add(advance(record, event, next, error));
      }
    }
    List<FlowRecord> stored = new ArrayList<>(from.size());
    if (from.isEmpty()) {
      return stored;
    }
    List<OrderedDelivery.Slot> slots = reserveAll(to);
    boolean[] replaced;
    try {
      replaced = store.compareAndSetAll(from, to);
    } catch (RuntimeException | Error e) {
      slots.forEach(OrderedDelivery.Slot::cancel);
      throw e;
    }
    for (int i = 0; i < replaced.length; i++) {
      if (replaced[i]) {
        slots.get(i).changed(from.get(i), to.get(i));
        stored.add(to.get(i));
      } else {
        slots.get(i).cancel();
        FlowRecord again = reread(from.get(i).id(), null);
        FlowRecord next = again == null ? null : fire(again, event, error, null);
        if (next != null) {
          stored.add(next);
        }
      }
    }
    return stored;
  }

  FlowStore store() {
    return store;
  }

  ListenerBus listeners() {
    return listeners;
  }

  /** Raises the progress of a running flow to {@code progress}; lower values are ignored. */
  void progress(String flowId, double progress) {
    double capped = Math.min(progress, MAX_RUNNING_PROGRESS);
    FlowRecord record = store.find(flowId).orElse(null);
    while (record != null && record.state() == FlowState.RUNNING && capped > record.progress()) {
      FlowRecord next = record.withProgress(capped);
      OrderedDelivery.Slot slot = delivery.reserve(next);
      boolean stored = false;
      try {
        stored = store.compareAndSet(record, next);
      } finally {
        if (stored) {
          slot.progressed(next);
        } else {
          slot.cancel();
        }
      }
      if (stored) {
        return;
      }
      record = store.find(flowId).orElse(null);
    }
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

  /** Reads the flow again: null if it is gone and there is no {@code refusal} to throw for. */
  private @Nullable FlowRecord reread(String flowId, @Nullable FlowAction refusal) {
    return refusal != null ? reread(flowId) : store.find(flowId).orElse(null);
  }

  /** Reads the flow again for a caller's action; a deleted flow throws. */
  private FlowRecord reread(String flowId) {
    return store
        .find(flowId)
        .orElseThrow(() -> new NotFoundException(NotFoundException.Kind.FLOW, flowId));
  }

  /**
   * Fires {@code event} once from {@code current} without waiting for the store: the future
   * completes with the stored new version once it is stored (listeners and waiters told first), or
   * with null if the event is not legal there or the flow changed meanwhile.
   */
  CompletableFuture<@Nullable FlowRecord> tryFireAsync(
      FlowRecord current, FlowEvent event, @Nullable String error) {
    FlowState to = FlowTransitions.next(current.state(), event);
    if (to == null) {
      return CompletableFuture.completedFuture(null);
    }
    return tryStoreAsync(current, advance(current, event, to, error));
  }

  /**
   * Fires {@code RETRY} once from {@code current} without waiting, as {@link #tryFireAsync} does:
   * the attempt failed with {@code error} and the next one runs no earlier than {@code at}.
   */
  CompletableFuture<@Nullable FlowRecord> tryRetryAsync(
      FlowRecord current, String error, Instant at) {
    if (FlowTransitions.next(current.state(), FlowEvent.RETRY) == null) {
      return CompletableFuture.completedFuture(null);
    }
    return tryStoreAsync(current, retried(current, error, at));
  }

  private CompletableFuture<@Nullable FlowRecord> tryStoreAsync(
      FlowRecord current, FlowRecord next) {
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

  /** Returns the next version of {@code from} after {@code event}, which must be legal. */
  FlowRecord advance(FlowRecord from, FlowEvent event) {
    FlowState to = FlowTransitions.next(from.state(), event);
    if (to == null) {
      throw new IllegalStateException(event + " is not legal for a " + from.state() + " flow");
    }
    return advance(from, event, to, null);
  }

  FlowRecord advance(FlowRecord from, FlowEvent event, @Nullable String error) {
    FlowState to = FlowTransitions.next(from.state(), event);
    if (to == null) {
      throw new IllegalStateException(event + " is not legal for a " + from.state() + " flow");
    }
    return advance(from, event, to, error);
  }

  private FlowRecord advance(
      FlowRecord from, FlowEvent event, FlowState to, @Nullable String error) {
    return advance(from, event, to, error, null);
  }

  /**
   * Returns the next version of {@code from} after {@code event}, with its history entry.
   *
   * @param notBefore for {@code START}, a delayed start's time; for {@code RETRY}, the next
   *     attempt's; ignored otherwise
   */
  private FlowRecord advance(
      FlowRecord from,
      FlowEvent event,
      FlowState to,
      @Nullable String error,
      @Nullable Instant notBefore) {
    Instant now = now();
    double progress = from.progress();
    Instant startedAt = from.startedAt();
    Instant finishedAt = null;
    String stateError = null;
    int attempt = from.attempt();
    String lastError = from.lastError();
    Instant nextNotBefore = from.notBefore();
    switch (event) {
      case START -> {
        startedAt = now;
        nextNotBefore = notBefore;
      }
      case COMPLETE -> {
        progress = 1.0;
        finishedAt = now;
      }
      case FAIL -> {
        finishedAt = now;
        stateError = error;
        lastError = error != null ? error : lastError;
        nextNotBefore = null;
      }
      case FINISH_ABORT -> finishedAt = now;
      case DISPATCH, RESUME -> nextNotBefore = null;
      case ABORT, REQUEUE -> {}
      case RETRY -> {
        attempt++;
        lastError = error;
        nextNotBefore = notBefore;
      }
    }
    FlowHistory history =
        event == FlowEvent.RESUME // the retry that scheduled it is the recorded change
            ? from.history()
            : from.history()
                .with(
                    new FlowTransition(
                        from.state(),
                        to,
                        now,
                        attempt,
                        event == FlowEvent.FAIL || event == FlowEvent.RETRY ? error : null));
    return from.advanced(
        to,
        progress,
        startedAt,
        finishedAt,
        stateError,
        attempt,
        lastError,
        nextNotBefore,
        history);
  }

  /**
   * Returns the next version of a running flow whose attempt failed with {@code error}: it waits,
   * still running, for its next attempt at {@code at}.
   */
  FlowRecord retried(FlowRecord from, String error, Instant at) {
    return advance(from, FlowEvent.RETRY, FlowState.RUNNING, error, at);
  }

  /**
   * Starts a created flow to run no earlier than {@code at}, for a caller's {@code START}.
   *
   * @throws FlowStateException if the flow is not created
   * @throws NotFoundException if it was deleted
   */
  FlowRecord startAt(FlowRecord current, @Nullable Instant at) {
    FlowRecord record = current;
    while (true) {
      if (FlowTransitions.next(record.state(), FlowEvent.START) == null) {
        throw new FlowStateException(record.id(), record.state(), FlowAction.START);
      }
      FlowRecord next = advance(record, FlowEvent.START, FlowState.STARTING, null, at);
      if (compareAndSet(record, next)) {
        return next;
      }
      record = reread(record.id());
    }
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
}
