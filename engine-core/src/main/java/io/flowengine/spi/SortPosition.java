package io.flowengine.spi;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A position in a sorted flow listing: the sort value of the last flow of a page and its id. The
 * value is a {@link io.flowengine.FlowState}, a {@link Double} (progress), an {@link
 * java.time.Instant} or null (a flow not yet started or finished). Immutable and thread-safe.
 *
 * @param value the sort value, or null
 * @param id the flow id, which breaks ties
 */
public record SortPosition(@Nullable Object value, String id) {
  /** Checks the id is present. */
  public SortPosition {
    requireNonNull(id, "id");
  }
}
