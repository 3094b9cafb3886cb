package io.flowengine.internal;

import static java.util.Objects.requireNonNull;

import io.flowengine.FlowAction;
import io.flowengine.FlowState;
import io.flowengine.FlowStateException;
import io.flowengine.NotFoundException;
import io.flowengine.spi.FlowRecord;
import io.flowengine.spi.FlowStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Applies {@link FlowTransitions} to stored flows without locks: read the record, compute the next
 * immutable version ({@link FlowVersions}), compare-and-set it in the store, and on a lost race
 * read again. The writes go through {@link FlowWrites}, which tells listeners and waiters of each
 * stored change. Thread-safe.
 */
final class FlowStateMachine {
  /** Progress while running stays below this; exactly 1.0 means completed. */
  static final double MAX_RUNNING_PROGRESS = 0.999;

  private final FlowStore store;
  private final FlowWrites writes;
  private final Clock clock;

  FlowStateMachine(FlowStore store, ListenerBus listeners, FlowWaiters waiters, Clock clock) {
    this.store = store;
    this.writes = new FlowWrites(store, listeners, waiters);
    this.clock = clock;
  }

  /** Returns the engine time, at the microsecond precision every store keeps. */
  Instant now() {
    Instant now = clock.instant();
    int nanos = now.getNano();
    int micros = nanos - nanos % 1000; // what truncatedTo(MICROS) gives, without its extra Instant
    return micros == nanos ? now : Instant.ofEpochSecond(now.getEpochSecond(), micros);
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
      if (writes.compareAndSet(record, next)) {
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
    List<OrderedDelivery.Slot> slots = writes.reserveAll(to);
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

  /** Returns the writes of flow records that tell listeners and waiters, and the other edits. */
  FlowWrites writes() {
    return writes;
  }

  /** Reads the flow again: null if it is gone and there is no {@code refusal} to throw for. */
  private @Nullable FlowRecord reread(String flowId, @Nullable FlowAction refusal) {
    return refusal != null ? writes.reread(flowId) : store.find(flowId).orElse(null);
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
    return writes.compareAndSetAsync(current, advance(current, event, to, error));
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
    return writes.compareAndSetAsync(current, retried(current, error, at));
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
    return FlowVersions.next(from, event, to, error, notBefore, now());
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
      if (writes.compareAndSet(record, next)) {
        return next;
      }
      record = writes.reread(record.id());
    }
  }
}
