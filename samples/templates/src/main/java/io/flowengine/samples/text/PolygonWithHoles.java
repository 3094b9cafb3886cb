package io.flowengine.samples.text;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A filled region: one outer ring, counter-clockwise (y up), and the holes inside it, each
 * clockwise. So the filled side is always on the left of an edge's direction. Immutable and
 * thread-safe.
 *
 * @param outer the outer boundary
 * @param holes the holes
 */
public record PolygonWithHoles(Ring outer, List<Ring> holes) {
  /** Copies the hole list. */
  public PolygonWithHoles {
    requireNonNull(outer, "outer");
    holes = List.copyOf(holes);
  }

  /** Returns the outer ring followed by the holes. */
  public List<Ring> rings() {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(outer), holes.stream())
        .toList();
  }
}
