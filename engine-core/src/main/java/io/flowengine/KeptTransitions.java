package io.flowengine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The kept changes of a {@link FlowHistory}, as an immutable list over an array that the next
 * version of the history may extend in place, so recording a change costs the same at the fiftieth
 * change as at the first (a copy of the whole list per change made a state transition 7 times the
 * cost of a bare compare-and-set).
 *
 * <p>Each list sees a fixed prefix of its array: the first {@link FlowHistory#FIRST_KEPT} changes,
 * then, after a gap of dropped ones, the rest up to its end. Appending writes the slot just past
 * the end only if this list is the first to claim it; any other list of the same array copies what
 * it sees into a new array instead. Slots a list sees are written before the list exists and never
 * written again. Immutable and thread-safe once published (a list is handed on with the flow
 * record, through the store's own synchronisation).
 */
final class KeptTransitions extends AbstractList<FlowTransition> implements RandomAccess {
  private static final int MOST = FlowHistory.FIRST_KEPT + FlowHistory.LAST_KEPT;

  private final Shelf shelf;
  private final int end;
  private final int gap;

  private KeptTransitions(Shelf shelf, int end, int gap) {
    this.shelf = shelf;
    this.end = end;
    this.gap = gap;
  }

  /** Returns {@code changes} as a list that can be appended to cheaply. */
  static KeptTransitions of(List<FlowTransition> changes) {
    if (changes instanceof KeptTransitions kept) {
      return kept;
    }
    FlowTransition[] items = new FlowTransition[capacity(changes.size())];
    for (int i = 0; i < changes.size(); i++) {
      items[i] = Objects.requireNonNull(changes.get(i), "transition");
    }
    return new KeptTransitions(new Shelf(items, changes.size()), changes.size(), 0);
  }

  /** Returns a list of {@code change} alone, with room to append a flow's usual few changes. */
  static KeptTransitions first(FlowTransition change) {
    FlowTransition[] items = new FlowTransition[capacity(1)];
    items[0] = change;
    return new KeptTransitions(new Shelf(items, 1), 1, 0);
  }

  /**
   * Returns this list with {@code change} at its end and, if {@code dropOne}, without the oldest of
   * the changes after the first {@link FlowHistory#FIRST_KEPT}.
   */
  KeptTransitions appended(FlowTransition change, boolean dropOne) {
    int newGap = dropOne ? gap + 1 : gap;
    if (end < shelf.items.length && shelf.claim(end)) {
      shelf.items[end] = change;
      return new KeptTransitions(shelf, end + 1, newGap);
    }
    int size = size();
    FlowTransition[] items = new FlowTransition[capacity(size + 1)];
    int n = 0;
    for (int i = 0; i < size; i++) {
      if (!(dropOne && i == FlowHistory.FIRST_KEPT)) {
        items[n++] = get(i);
      }
    }
    items[n++] = change;
    return new KeptTransitions(new Shelf(items, n), n, 0);
  }

  /** Room for {@code size} changes and about as many appends again, up to one bound's worth. */
  private static int capacity(int size) {
    return Math.min(Math.max(4, 2 * size), MOST + FlowHistory.LAST_KEPT);
  }

  @Override
  public FlowTransition get(int index) {
    Objects.checkIndex(index, size());
    return shelf.items[index < FlowHistory.FIRST_KEPT ? index : index + gap];
  }

  @Override
  public int size() {
    return end - gap;
  }

  /** An array shared by the lists made from one another, and how many of its slots are taken. */
  private static final class Shelf {
    private static final VarHandle CLAIMED;

    static {
      try {
        CLAIMED = MethodHandles.lookup().findVarHandle(Shelf.class, "claimed", int.class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    final FlowTransition[] items;

    @SuppressWarnings("unused") // through CLAIMED
    private volatile int claimed;

    Shelf(FlowTransition[] items, int claimed) {
      this.items = items;
      this.claimed = claimed;
    }

    /** Takes slot {@code index} if it is the next free one; returns whether this call took it. */
    boolean claim(int index) {
      return CLAIMED.compareAndSet(this, index, index + 1);
    }
  }
}
