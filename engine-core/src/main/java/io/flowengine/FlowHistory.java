package io.flowengine;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * The recorded state changes of a flow, oldest first, bounded: it keeps the first {@value
 * #FIRST_KEPT} and the last {@value #LAST_KEPT} changes and counts the ones dropped between them,
 * so a long retry loop cannot grow it without limit. Stored with the flow and deleted with it.
 * Immutable and thread-safe.
 *
 * @param transitions the kept changes, oldest first
 * @param dropped how many changes were dropped between the first and the last kept ones
 */
public record FlowHistory(List<FlowTransition> transitions, long dropped) {
  /** How many of the first changes are always kept. */
  public static final int FIRST_KEPT = 10;

  /** How many of the latest changes are kept. */
  public static final int LAST_KEPT = 40;

  /** An empty history. */
  public static final FlowHistory EMPTY = new FlowHistory(List.of(), 0);

  /**
   * Copies the list.
   *
   * @throws IllegalArgumentException if it holds more than the bound or {@code dropped} is negative
   */
  public FlowHistory {
    requireNonNull(transitions, "transitions");
    if (!(transitions instanceof KeptTransitions)) { // the one list known to be immutable already
      transitions = ImmutableList.copyOf(transitions);
    }
    if (transitions.size() > FIRST_KEPT + LAST_KEPT || dropped < 0) {
      throw new IllegalArgumentException(
          "a history keeps at most "
              + (FIRST_KEPT + LAST_KEPT)
              + " changes, had "
              + transitions.size()
              + " and "
              + dropped
              + " dropped");
    }
  }

  /** Returns the history with {@code change} appended, dropping the oldest of the last ones. */
  public FlowHistory with(FlowTransition change) {
    requireNonNull(change, "change");
    if (transitions.isEmpty()) {
      return new FlowHistory(KeptTransitions.first(change), dropped);
    }
    boolean full = transitions.size() == FIRST_KEPT + LAST_KEPT;
    return new FlowHistory(
        KeptTransitions.of(transitions).appended(change, full), full ? dropped + 1 : dropped);
  }

  /** Returns how many changes the flow went through, kept or dropped. */
  public long total() {
    return transitions.size() + dropped;
  }
}
