package io.flowengine.spi;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.Sets;
import io.flowengine.FlowSortKey;
import io.flowengine.FlowState;
import io.flowengine.SortDirection;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What {@link FlowStore#page} returns: up to {@code limit} flows in the order {@link FlowOrdering}
 * defines, strictly after {@code after}, filtered by state and account. Immutable and thread-safe.
 *
 * @param sortBy the sort key
 * @param direction the direction
 * @param states the states to include, or empty for all
 * @param accountId only flows of this account, or null for every flow
 * @param after the position to continue after, or null for the start
 * @param limit how many flows at most
 */
public record FlowPageRequest(
    FlowSortKey sortBy,
    SortDirection direction,
    Set<FlowState> states,
    @Nullable String accountId,
    @Nullable SortPosition after,
    int limit) {

  /** Checks the request. */
  public FlowPageRequest {
    requireNonNull(sortBy, "sortBy");
    requireNonNull(direction, "direction");
    states = Sets.immutableEnumSet(states);
    checkArgument(limit > 0, "limit must be positive: %s", limit);
  }
}
