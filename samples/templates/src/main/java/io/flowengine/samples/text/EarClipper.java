package io.flowengine.samples.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Triangulates a polygon with holes by ear clipping, after the approach of Mapbox's earcut: each
 * hole is joined to the outer ring through a bridge to a visible vertex, then ears are cut from the
 * single ring; when no ear is left (degenerate input) it filters collinear points, cures small
 * self-intersections and finally splits the ring along a valid diagonal. Produces {@code n - 2 +
 * 2h} triangles for {@code n} points and {@code h} holes on clean input. Stateless and thread-safe.
 */
public final class EarClipper {
  private EarClipper() {}

  /**
   * Triangulates {@code polygon}.
   *
   * @return three indices per triangle, counter-clockwise (y up), into the points of {@link
   *     PolygonWithHoles#rings()} numbered consecutively
   */
  public static int[] triangulate(PolygonWithHoles polygon) {
    List<Ring> rings = polygon.rings();
    int offset = 0;
    EarNode outer = null;
    List<EarNode> holes = new ArrayList<>();
    for (int r = 0; r < rings.size(); r++) {
      EarNode list = linkedList(rings.get(r), offset, r == 0);
      offset += rings.get(r).size();
      if (r == 0) {
        outer = list;
      } else if (list != null) {
        if (list == list.next) {
          list.steiner = true;
        }
        holes.add(leftmost(list));
      }
    }
    Triangles out = new Triangles();
    if (outer == null || outer.next == outer.prev) {
      return out.toArray();
    }
    holes.sort((a, b) -> Double.compare(a.x, b.x));
    for (EarNode hole : holes) {
      outer = HoleBridges.eliminate(hole, outer);
    }
    clip(outer, out, 0);
    return out.toArray();
  }

  private static @Nullable EarNode linkedList(Ring ring, int offset, boolean counterClockwise) {
    EarNode last = null;
    int n = ring.size();
    if (counterClockwise == (ring.signedArea() > 0)) {
      for (int i = 0; i < n; i++) {
        last = EarNode.insertAfter(offset + i, ring.x(i), ring.y(i), last);
      }
    } else {
      for (int i = n - 1; i >= 0; i--) {
        last = EarNode.insertAfter(offset + i, ring.x(i), ring.y(i), last);
      }
    }
    if (last != null && last.samePlace(last.next)) {
      last.remove();
      last = last.next;
    }
    return last;
  }

  private static void clip(EarNode ear, Triangles out, int pass) {
    if (ear == null) {
      return;
    }
    EarNode stop = ear;
    while (ear.prev != ear.next) {
      EarNode prev = ear.prev;
      EarNode next = ear.next;
      if (isEar(ear)) {
        out.add(prev.index, ear.index, next.index);
        ear.remove();
        ear = next.next;
        stop = next.next;
        continue;
      }
      ear = next;
      if (ear == stop) {
        if (pass == 0) {
          clip(filterPoints(ear, null), out, 1);
        } else if (pass == 1) {
          clip(cureLocalIntersections(filterPoints(ear, null), out), out, 2);
        } else {
          splitAndClip(ear, out);
        }
        return;
      }
    }
  }

  private static boolean isEar(EarNode ear) {
    EarNode a = ear.prev;
    EarNode b = ear;
    EarNode c = ear.next;
    if (EarNode.area(a, b, c) >= 0) {
      return false;
    }
    double x0 = Math.min(a.x, Math.min(b.x, c.x));
    double y0 = Math.min(a.y, Math.min(b.y, c.y));
    double x1 = Math.max(a.x, Math.max(b.x, c.x));
    double y1 = Math.max(a.y, Math.max(b.y, c.y));
    for (EarNode p = c.next; p != a; p = p.next) {
      if (p.x >= x0
          && p.x <= x1
          && p.y >= y0
          && p.y <= y1
          && !(p.x == a.x && p.y == a.y)
          && pointInTriangle(a.x, a.y, b.x, b.y, c.x, c.y, p.x, p.y)
          && EarNode.area(p.prev, p, p.next) >= 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Removes duplicate and collinear points between {@code start} and {@code end} (once around the
   * ring if null).
   */
  static EarNode filterPoints(EarNode start, @Nullable EarNode end) {
    return filterPoints(start, end, true);
  }

  /**
   * Removes duplicate points between {@code start} and {@code end} (once around the ring if null),
   * and collinear ones too if {@code collinear}. Dropping a collinear corner of the outline leaves
   * a T-junction with the side walls, so that is only done when clipping is stuck.
   */
  static EarNode filterPoints(EarNode start, @Nullable EarNode end, boolean collinear) {
    if (end == null) {
      end = start;
    }
    EarNode p = start;
    boolean again;
    do {
      again = false;
      if (!p.steiner
          && (p.samePlace(p.next) || (collinear && EarNode.area(p.prev, p, p.next) == 0))) {
        p.remove();
        p = end = p.prev;
        if (p == p.next) {
          break;
        }
        again = true;
      } else {
        p = p.next;
      }
    } while (again || p != end);
    return end;
  }

  private static EarNode cureLocalIntersections(EarNode start, Triangles out) {
    EarNode p = start;
    do {
      EarNode a = p.prev;
      EarNode b = p.next.next;
      if (!a.samePlace(b)
          && Segments.intersect(a, p, p.next, b)
          && Segments.locallyInside(a, b)
          && Segments.locallyInside(b, a)) {
        out.add(a.index, p.index, b.index);
        p.remove();
        p.next.remove();
        p = start = b;
      }
      p = p.next;
    } while (p != start);
    return filterPoints(p, null);
  }

  private static void splitAndClip(EarNode start, Triangles out) {
    EarNode a = start;
    do {
      for (EarNode b = a.next.next; b != a.prev; b = b.next) {
        if (a.index != b.index && Segments.isValidDiagonal(a, b)) {
          EarNode c = EarNode.split(a, b);
          a = filterPoints(a, a.next);
          c = filterPoints(c, c.next);
          clip(a, out, 0);
          clip(c, out, 0);
          return;
        }
      }
      a = a.next;
    } while (a != start);
  }

  private static EarNode leftmost(EarNode start) {
    EarNode p = start;
    EarNode left = start;
    do {
      if (p.x < left.x || (p.x == left.x && p.y < left.y)) {
        left = p;
      }
      p = p.next;
    } while (p != start);
    return left;
  }

  static boolean pointInTriangle(
      double ax, double ay, double bx, double by, double cx, double cy, double px, double py) {
    return (cx - px) * (ay - py) >= (ax - px) * (cy - py)
        && (ax - px) * (by - py) >= (bx - px) * (ay - py)
        && (bx - px) * (cy - py) >= (cx - px) * (by - py);
  }

  /** A growing list of triangle indices. */
  private static final class Triangles {
    private int[] data = new int[48];
    private int size;

    void add(int a, int b, int c) {
      if (size + 3 > data.length) {
        data = Arrays.copyOf(data, data.length * 2);
      }
      data[size++] = a;
      data[size++] = b;
      data[size++] = c;
    }

    int[] toArray() {
      return Arrays.copyOf(data, size);
    }
  }
}
