package io.flowengine.samples.text;

/** Segment and visibility predicates of the ear clipper and hole bridging. Stateless. */
final class Segments {
  private Segments() {}

  static boolean intersect(EarNode p1, EarNode q1, EarNode p2, EarNode q2) {
    int o1 = sign(EarNode.area(p1, q1, p2));
    int o2 = sign(EarNode.area(p1, q1, q2));
    int o3 = sign(EarNode.area(p2, q2, p1));
    int o4 = sign(EarNode.area(p2, q2, q1));
    if (o1 != o2 && o3 != o4) {
      return true;
    }
    return (o1 == 0 && onSegment(p1, p2, q1))
        || (o2 == 0 && onSegment(p1, q2, q1))
        || (o3 == 0 && onSegment(p2, p1, q2))
        || (o4 == 0 && onSegment(p2, q1, q2));
  }

  /** Whether q lies within the bounding box of segment p-r (q is known to be collinear). */
  private static boolean onSegment(EarNode p, EarNode q, EarNode r) {
    return q.x <= Math.max(p.x, r.x)
        && q.x >= Math.min(p.x, r.x)
        && q.y <= Math.max(p.y, r.y)
        && q.y >= Math.min(p.y, r.y);
  }

  private static int sign(double value) {
    return value > 0 ? 1 : value < 0 ? -1 : 0;
  }

  /** Whether the diagonal a-b starts into the polygon's inside at a. */
  static boolean locallyInside(EarNode a, EarNode b) {
    return EarNode.area(a.prev, a, a.next) < 0
        ? EarNode.area(a, b, a.next) >= 0 && EarNode.area(a, a.prev, b) >= 0
        : EarNode.area(a, b, a.prev) < 0 || EarNode.area(a, a.next, b) < 0;
  }

  /** Whether the midpoint of a-b lies inside the polygon. */
  static boolean middleInside(EarNode a, EarNode b) {
    EarNode p = a;
    boolean inside = false;
    double px = (a.x + b.x) / 2;
    double py = (a.y + b.y) / 2;
    do {
      if (((p.y > py) != (p.next.y > py))
          && p.next.y != p.y
          && (px < (p.next.x - p.x) * (py - p.y) / (p.next.y - p.y) + p.x)) {
        inside = !inside;
      }
      p = p.next;
    } while (p != a);
    return inside;
  }

  /** Whether a-b crosses an edge of the polygon other than those at a or b. */
  static boolean intersectsPolygon(EarNode a, EarNode b) {
    EarNode p = a;
    do {
      if (p.index != a.index
          && p.next.index != a.index
          && p.index != b.index
          && p.next.index != b.index
          && intersect(p, p.next, a, b)) {
        return true;
      }
      p = p.next;
    } while (p != a);
    return false;
  }

  /** Whether a-b is a diagonal the polygon can be split along. */
  static boolean isValidDiagonal(EarNode a, EarNode b) {
    return a.next.index != b.index
        && a.prev.index != b.index
        && !intersectsPolygon(a, b)
        && ((locallyInside(a, b)
                && locallyInside(b, a)
                && middleInside(a, b)
                && (EarNode.area(a.prev, a, b.prev) != 0 || EarNode.area(a, b.prev, b) != 0))
            || (a.samePlace(b)
                && EarNode.area(a.prev, a, a.next) > 0
                && EarNode.area(b.prev, b, b.next) > 0));
  }
}
