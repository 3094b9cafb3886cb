package io.flowengine.samples.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Groups the rings of one glyph into polygons with holes by how deeply each is nested: a ring
 * inside an even number of others is an outer boundary, one inside an odd number is a hole of the
 * smallest outer ring around it (the "O" and its counter, the "8" and its two). Orientation is
 * normalised: outer counter-clockwise, holes clockwise. Stateless.
 */
public final class RingNesting {
  private RingNesting() {}

  /** Returns the polygons the rings describe; rings without area are dropped. */
  public static List<PolygonWithHoles> group(List<Ring> rings) {
    List<Ring> kept = rings.stream().filter(r -> Math.abs(r.signedArea()) > 1e-12).toList();
    int n = kept.size();
    int[] depth = new int[n];
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = -1;
      Ring ring = kept.get(i);
      double px = ring.x(0);
      double py = ring.y(0);
      for (int j = 0; j < n; j++) {
        if (i != j
            && Math.abs(kept.get(j).signedArea()) > Math.abs(ring.signedArea())
            && kept.get(j).contains(px, py)) {
          depth[i]++;
          if (parent[i] < 0
              || Math.abs(kept.get(j).signedArea()) < Math.abs(kept.get(parent[i]).signedArea())) {
            parent[i] = j;
          }
        }
      }
    }
    List<PolygonWithHoles> polygons = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (depth[i] % 2 != 0) {
        continue;
      }
      List<Ring> holes = new ArrayList<>();
      for (int j = 0; j < n; j++) {
        if (depth[j] % 2 == 1 && parent[j] == i) {
          holes.add(oriented(kept.get(j), false));
        }
      }
      polygons.add(new PolygonWithHoles(oriented(kept.get(i), true), holes));
    }
    return polygons;
  }

  private static Ring oriented(Ring ring, boolean counterClockwise) {
    return (ring.signedArea() > 0) == counterClockwise ? ring : ring.reversed();
  }
}
