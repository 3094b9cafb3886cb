package io.flowengine.samples.text;

import org.jspecify.annotations.Nullable;

/**
 * Joins a hole to the outer ring of the ear clipper's list: from the hole's leftmost point a ray to
 * the left meets the nearest outer edge; the bridge goes to that edge's endpoint, or to the reflex
 * vertex inside the triangle it spans that makes the smallest angle with the ray, so the bridge
 * crosses nothing. Stateless.
 */
final class HoleBridges {
  private HoleBridges() {}

  /** Splices {@code hole} (its leftmost node) into {@code outer}; returns the outer list. */
  static EarNode eliminate(EarNode hole, EarNode outer) {
    EarNode bridge = find(hole, outer);
    if (bridge == null) {
      return outer;
    }
    EarNode reverse = EarNode.split(bridge, hole);
    EarClipper.filterPoints(reverse, reverse.next, false);
    return EarClipper.filterPoints(bridge, bridge.next, false);
  }

  private static @Nullable EarNode find(EarNode hole, EarNode outer) {
    EarNode p = outer;
    double hx = hole.x;
    double hy = hole.y;
    double qx = Double.NEGATIVE_INFINITY;
    EarNode m = null;
    do {
      if (hy <= p.y && hy >= p.next.y && p.next.y != p.y) {
        double x = p.x + (hy - p.y) * (p.next.x - p.x) / (p.next.y - p.y);
        if (x <= hx && x > qx) {
          qx = x;
          m = p.x < p.next.x ? p : p.next;
          if (x == hx) {
            return m;
          }
        }
      }
      p = p.next;
    } while (p != outer);
    if (m == null) {
      return null;
    }
    EarNode stop = m;
    double mx = m.x;
    double my = m.y;
    double tanMin = Double.POSITIVE_INFINITY;
    p = m;
    do {
      if (hx >= p.x
          && p.x >= mx
          && hx != p.x
          && EarClipper.pointInTriangle(
              hy < my ? hx : qx, hy, mx, my, hy < my ? qx : hx, hy, p.x, p.y)) {
        double tan = Math.abs(hy - p.y) / (hx - p.x);
        if (Segments.locallyInside(p, hole)
            && (tan < tanMin
                || (tan == tanMin && (p.x > m.x || (p.x == m.x && sectorContainsSector(m, p)))))) {
          m = p;
          tanMin = tan;
        }
      }
      p = p.next;
    } while (p != stop);
    return m;
  }

  private static boolean sectorContainsSector(EarNode m, EarNode p) {
    return EarNode.area(m.prev, m, p.prev) < 0 && EarNode.area(p.next, m, m.next) < 0;
  }
}
