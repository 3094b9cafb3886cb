package io.flowengine.internal;

import static java.util.Objects.requireNonNull;

import io.flowengine.spi.FlowRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * Tells listeners and waiters of each flow's stored changes in the order in which they were stored,
 * whichever threads stored them; changes of different flows are delivered independently.
 *
 * <p>A writer {@linkplain #reserve reserves} a place before it writes and then fills it with the
 * stored change or {@linkplain Slot#cancel cancels} it. A change is delivered once no reserved,
 * unfilled place of a lower version is left: a later version can only be written from a record read
 * after the earlier one was stored, so its place is always reserved after the earlier one's.
 * Whichever thread fills the place that unblocks a run of changes delivers them (one thread per
 * flow at a time, outside any lock). A flow's box exists only while it has places: with no listener
 * nothing is reserved and changes go to the waiters at once. Thread-safe.
 */
final class OrderedDelivery {
  private final ListenerBus listeners;
  private final FlowWaiters waiters;
  private final ConcurrentMap<String, Box> boxes = new ConcurrentHashMap<>();
  private final Slot none = new Slot(null, -1);

  OrderedDelivery(ListenerBus listeners, FlowWaiters waiters) {
    this.listeners = listeners;
    this.waiters = waiters;
  }

  /** Reserves the place of the change that would store {@code next}; call before writing it. */
  Slot reserve(FlowRecord next) {
    return listeners.isEmpty() ? none : reserve(next.id(), next.version());
  }

  private Slot reserve(String flowId, long version) {
    while (true) {
      Box box = boxes.computeIfAbsent(flowId, Box::new);
      Slot slot = box.reserve(version);
      if (slot != null) {
        return slot;
      }
    }
  }

  /**
   * Runs {@code action} once every change up to {@code stored} that is reserved now was delivered:
   * at once if none is pending, else on the thread that delivers the last of them.
   */
  void afterDelivered(FlowRecord stored, Runnable action) {
    if (listeners.isEmpty()) {
      action.run();
      return;
    }
    reserve(stored.id(), stored.version() + 1).fill(action); // behind the place of stored
  }

  /** Returns the flows that have changes reserved or waiting for delivery now (for tests). */
  int pendingFlows() {
    return boxes.size();
  }

  /**
   * One reserved place in a flow's delivery order: filled once with a stored change, or cancelled
   * if the write was not stored. Thread-safe.
   */
  final class Slot {
    private final @Nullable Box box;
    private final long version;
    private @Nullable Runnable delivery; // guarded by box
    private boolean filled; // guarded by box

    private Slot(@Nullable Box box, long version) {
      this.box = box;
      this.version = version;
    }

    /** Fills the place with a stored state change ({@code previous} null for a new flow). */
    void changed(@Nullable FlowRecord previous, FlowRecord current) {
      fill(() -> deliverChange(previous, current));
    }

    /** Fills the place with a stored progress change. */
    void progressed(FlowRecord current) {
      fill(() -> deliverProgress(current));
    }

    /** Gives the place up: its write was not stored. Does nothing once filled. */
    void cancel() {
      if (box != null) {
        box.cancel(this);
      }
    }

    private void fill(Runnable what) {
      if (box == null) {
        what.run(); // nothing was reserved: no listener was there when the write began
      } else {
        box.fill(this, what);
      }
    }
  }

  private void deliverChange(@Nullable FlowRecord previous, FlowRecord current) {
    if (!listeners.isEmpty()) {
      listeners.stateChanged(previous == null ? null : previous.toFlow(), current.toFlow());
    }
    if (current.state().isTerminal()) {
      waiters.terminal(current); // after the listeners: an awaitFlow caller finds them told
    }
  }

  private void deliverProgress(FlowRecord current) {
    if (!listeners.isEmpty()) {
      listeners.progressed(current.toFlow());
    }
  }

  /** The places of one flow, in reservation order; retired (and replaced) once empty. */
  private final class Box {
    private final String flowId;
    private final List<Slot> slots = new ArrayList<>(4); // guarded by this
    private boolean delivering; // guarded by this
    private boolean retired; // guarded by this

    Box(String flowId) {
      this.flowId = flowId;
    }

    synchronized @Nullable Slot reserve(long version) {
      if (retired) {
        return null; // being removed from the map: the caller takes a new box
      }
      Slot slot = new Slot(this, version);
      slots.add(slot);
      return slot;
    }

    void cancel(Slot slot) {
      synchronized (this) {
        if (slot.filled || !slots.remove(slot)) {
          return;
        }
      }
      deliverReady(); // a change may have waited for this place
    }

    void fill(Slot slot, Runnable what) {
      synchronized (this) {
        if (slot.filled || !slots.contains(slot)) {
          return;
        }
        slot.filled = true;
        slot.delivery = what;
      }
      deliverReady();
    }

    private void deliverReady() {
      synchronized (this) {
        if (delivering) {
          return; // the thread delivering now also delivers what was just filled
        }
        delivering = true;
      }
      boolean done = false;
      try {
        Runnable next;
        while ((next = takeNext()) != null) {
          next.run();
        }
        done = true;
      } finally {
        if (!done) {
          synchronized (this) {
            delivering = false;
          }
        }
      }
    }

    /** Removes and returns the next deliverable change, or ends this delivery round. */
    private synchronized @Nullable Runnable takeNext() {
      Slot best = null;
      long blockedFrom = Long.MAX_VALUE;
      for (Slot slot : slots) {
        if (!slot.filled) {
          blockedFrom = Math.min(blockedFrom, slot.version);
        } else if (best == null || slot.version < best.version) {
          best = slot;
        }
      }
      // An unfilled place of the same version lost its write to this one; it will be cancelled.
      if (best != null && best.version <= blockedFrom) {
        slots.remove(best);
        return requireNonNull(best.delivery);
      }
      delivering = false;
      if (slots.isEmpty()) {
        retired = true;
        boxes.remove(flowId, this);
      }
      return null;
    }
  }
}
