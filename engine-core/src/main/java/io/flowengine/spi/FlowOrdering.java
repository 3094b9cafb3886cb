package io.flowengine.spi;

import io.flowengine.FlowSortKey;
import io.flowengine.FlowState;
import io.flowengine.SortDirection;
import java.time.Instant;
import java.util.Comparator;
import org.jspecify.annotations.Nullable;

/**
 * The order of flow listings that every {@link FlowStore} implements: by the sort key's value
 * (states in lifecycle order), a missing time after every present one in both directions, ties
 * broken by id in the same direction. Stateless and thread-safe.
 */
public final class FlowOrdering {
  private FlowOrdering() {}

  /** Returns the sort value of {@code record} for {@code key}, or null for a missing time. */
  public static @Nullable Object sortValue(FlowRecord record, FlowSortKey key) {
    return switch (key) {
      case STATE -> record.state();
      case PROGRESS -> record.progress();
      case CREATED_AT -> record.createdAt();
      case STARTED_AT -> record.startedAt();
      case FINISHED_AT -> record.finishedAt();
    };
  }

  /** Returns the position of {@code record} in a listing by {@code key}. */
  public static SortPosition positionOf(FlowRecord record, FlowSortKey key) {
    return new SortPosition(sortValue(record, key), record.id());
  }

  /** Returns the comparator of listing positions for {@code key} and {@code direction}. */
  public static Comparator<SortPosition> comparator(FlowSortKey key, SortDirection direction) {
    return (a, b) -> compare(a.value(), a.id(), b.value(), b.id(), direction);
  }

  /** Returns the comparator of records for {@code key} and {@code direction}. */
  public static Comparator<FlowRecord> recordComparator(FlowSortKey key, SortDirection direction) {
    return (a, b) -> compare(sortValue(a, key), a.id(), sortValue(b, key), b.id(), direction);
  }

  /** Returns whether {@code record} comes strictly after {@code position} in the listing. */
  public static boolean isAfter(
      FlowRecord record, SortPosition position, FlowSortKey key, SortDirection direction) {
    return compare(sortValue(record, key), record.id(), position.value(), position.id(), direction)
        > 0;
  }

  // One comparison without building positions or comparator chains: stores that scan call it
  // once or twice per flow, a million times for a page out of a million flows.
  private static int compare(
      @Nullable Object valueA,
      String idA,
      @Nullable Object valueB,
      String idB,
      SortDirection direction) {
    int byValue = compareValues(valueA, valueB, direction);
    if (byValue != 0) {
      return byValue;
    }
    int byId = Integer.signum(idA.compareTo(idB));
    return direction == SortDirection.ASCENDING ? byId : -byId;
  }

  private static int compareValues(
      @Nullable Object a, @Nullable Object b, SortDirection direction) {
    if (a == null) {
      return b == null ? 0 : 1; // missing values last in both directions
    }
    if (b == null) {
      return -1;
    }
    int natural =
        switch (a) {
          case FlowState state -> state.compareTo((FlowState) b);
          case Double progress -> Double.compare(progress, (Double) b);
          case Instant instant -> instant.compareTo((Instant) b);
          default -> throw new IllegalArgumentException("not a sort value: " + a.getClass());
        };
    return direction == SortDirection.ASCENDING
        ? Integer.signum(natural)
        : -Integer.signum(natural);
  }
}
