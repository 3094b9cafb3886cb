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
    Comparator<SortPosition> byValue =
        (a, b) -> compareValues(a.value(), b.value(), direction);
    Comparator<SortPosition> byId = Comparator.comparing(SortPosition::id);
    return byValue.thenComparing(direction == SortDirection.ASCENDING ? byId : byId.reversed());
  }

  /** Returns the comparator of records for {@code key} and {@code direction}. */
  public static Comparator<FlowRecord> recordComparator(FlowSortKey key, SortDirection direction) {
    Comparator<SortPosition> positions = comparator(key, direction);
    return (a, b) -> positions.compare(positionOf(a, key), positionOf(b, key));
  }

  /** Returns whether {@code record} comes strictly after {@code position} in the listing. */
  public static boolean isAfter(
      FlowRecord record, SortPosition position, FlowSortKey key, SortDirection direction) {
    return comparator(key, direction).compare(positionOf(record, key), position) > 0;
  }

  private static int compareValues(
      @Nullable Object a, @Nullable Object b, SortDirection direction) {
    if (a == null || b == null) {
      return a == b ? 0 : a == null ? 1 : -1; // missing values last in both directions
    }
    int natural =
        switch (a) {
          case FlowState state -> state.compareTo((FlowState) b);
          case Double progress -> Double.compare(progress, (Double) b);
          case Instant instant -> instant.compareTo((Instant) b);
          default -> throw new IllegalArgumentException("not a sort value: " + a.getClass());
        };
    return direction == SortDirection.ASCENDING ? natural : -natural;
  }
}
