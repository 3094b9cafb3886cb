package io.flowengine;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.Sets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What {@link FlowOperations#listFlows} returns: sort key and direction, a state filter, the fields
 * of each summary, the page size, and the cursor of the page to continue from. Paging is
 * keyset-based: a cursor marks a position in the order, so flows created while paging never cause a
 * repeat or a skip. Immutable and thread-safe.
 *
 * @param sortBy the sort key
 * @param direction ascending or descending
 * @param states the states to include; empty for all
 * @param fields the fields of {@link FlowPage#summaries()}; empty for all
 * @param limit the page size, 1 to {@value #MAX_LIMIT}
 * @param cursor {@link FlowPage#nextCursor()} of the previous page, or null for the first page; it
 *     must come from a query with the same sort key and direction
 */
public record FlowQuery(
    FlowSortKey sortBy,
    SortDirection direction,
    Set<FlowState> states,
    Set<FlowField> fields,
    int limit,
    @Nullable String cursor) {

  /** The largest page size. */
  public static final int MAX_LIMIT = 1000;

  /** The page size when none is set. */
  public static final int DEFAULT_LIMIT = 50;

  /**
   * Checks the page size.
   *
   * @throws IllegalArgumentException if {@code limit} is outside 1 to {@value #MAX_LIMIT}
   */
  public FlowQuery {
    requireNonNull(sortBy, "sortBy");
    requireNonNull(direction, "direction");
    states = Sets.immutableEnumSet(states);
    fields = Sets.immutableEnumSet(fields);
    checkArgument(limit >= 1 && limit <= MAX_LIMIT, "limit must be 1 to %s: %s", MAX_LIMIT, limit);
  }

  /** Returns the first page of all flows, oldest first, {@value #DEFAULT_LIMIT} at a time. */
  public static FlowQuery all() {
    return builder().build();
  }

  /** Starts a query with the defaults of {@link #all()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns this query continued after {@code cursor} (a page's {@link FlowPage#nextCursor()}). */
  public FlowQuery after(String cursor) {
    return new FlowQuery(
        sortBy, direction, states, fields, limit, requireNonNull(cursor, "cursor"));
  }

  /** Builds a {@link FlowQuery}. Not thread-safe. */
  public static final class Builder {
    private FlowSortKey sortBy = FlowSortKey.CREATED_AT;
    private SortDirection direction = SortDirection.ASCENDING;
    private final Set<FlowState> states = EnumSet.noneOf(FlowState.class);
    private final Set<FlowField> fields = EnumSet.noneOf(FlowField.class);
    private int limit = DEFAULT_LIMIT;
    private @Nullable String cursor;

    private Builder() {}

    /** Sorts by {@code key}, ascending. */
    public Builder sortBy(FlowSortKey key) {
      return sortBy(key, SortDirection.ASCENDING);
    }

    /** Sorts by {@code key} in {@code direction}. */
    public Builder sortBy(FlowSortKey key, SortDirection direction) {
      this.sortBy = requireNonNull(key, "key");
      this.direction = requireNonNull(direction, "direction");
      return this;
    }

    /** Keeps only flows in these states (adds to earlier calls). */
    public Builder states(FlowState... states) {
      this.states.addAll(List.of(states));
      return this;
    }

    /** Keeps only flows in these states (adds to earlier calls). */
    public Builder states(Set<FlowState> states) {
      this.states.addAll(states);
      return this;
    }

    /** Returns only these fields in each summary (adds to earlier calls). */
    public Builder fields(FlowField... fields) {
      this.fields.addAll(List.of(fields));
      return this;
    }

    /** Returns only these fields in each summary (adds to earlier calls). */
    public Builder fields(Set<FlowField> fields) {
      this.fields.addAll(fields);
      return this;
    }

    /** Sets the page size, 1 to {@value #MAX_LIMIT}. */
    public Builder limit(int limit) {
      this.limit = limit;
      return this;
    }

    /** Continues after the page that returned {@code cursor}. */
    public Builder cursor(String cursor) {
      this.cursor = requireNonNull(cursor, "cursor");
      return this;
    }

    /**
     * Returns the query.
     *
     * @throws IllegalArgumentException if the page size is out of range
     */
    public FlowQuery build() {
      return new FlowQuery(sortBy, direction, states, fields, limit, cursor);
    }
  }
}
