package io.flowengine.samples.simplify;

import java.util.Arrays;

/**
 * Decides whether collapsing position class {@code p0} into {@code p1} (p0's corners move to p1's
 * position, which stays) keeps the mesh sound, and collects how each of p0's attribute vertices
 * maps to one of p1's. At the strict level a collapse must: remove at least one triangle; leave no
 * edge used by more than two triangles; keep the link condition (p0 and p1 share only the
 * neighbours opposite their common edge); move a border vertex only along its border; turn no
 * remaining triangle by more than about 80 degrees; and find, for each attribute vertex of p0 (a UV
 * or normal seam gives several), the one of p1 across the collapsed edge on the same side of the
 * seam. Relaxed levels drop the seam and border rules, then every rule but the first, so that any
 * target count can be reached. A check may be confined to a range of classes ({@link #confine}): it
 * then refuses, as {@link #foreign}, any collapse that looks at a class outside it. Reuses scratch
 * arrays; not thread-safe.
 */
final class CollapseCheck {
  private final CollapseState s;
  private int[] mapFrom = new int[8];
  private int[] mapTo = new int[8];
  private int mapCount;
  int removed;
  private int[] needed = new int[16];
  private int neededCount;
  private final Neighbours neighbours = new Neighbours();
  private int ownedFrom;
  private int ownedTo = Integer.MAX_VALUE;

  /** Whether the last refusal was for looking at a class outside the confined range. */
  boolean foreign;

  CollapseCheck(CollapseState state) {
    this.s = state;
  }

  /** From now on, refuses as {@link #foreign} collapses that look at classes outside [from, to). */
  void confine(int from, int to) {
    ownedFrom = from;
    ownedTo = to;
  }

  /** Returns whether p0 may collapse into p1 at {@code level} (0 strict, 1, 2 loosest). */
  boolean allows(int p0, int p1, int level) {
    mapCount = 0;
    removed = 0;
    neededCount = 0;
    foreign = false;
    neighbours.clear();
    if (!owns(p0) || !owns(p1)) {
      foreign = true;
      return false;
    }
    Adjacency adj = s.adjacency;
    for (int r = adj.offsets[p0]; r < adj.offsets[p0 + 1]; r++) {
      int c0 = adj.corners[r];
      int c1 = CollapseState.nextCorner(c0);
      int c2 = CollapseState.previousCorner(c0);
      int q1 = s.positionAt(c1);
      int q2 = s.positionAt(c2);
      if (!owns(q1) || !owns(q2)) {
        foreign = true;
        return false;
      }
      if (q1 == q2 || q1 == p0 || q2 == p0 || s.positionAt(c0) != p0) {
        continue;
      }
      neighbours.count(q1);
      neighbours.count(q2);
      if (q1 == p1 || q2 == p1) {
        removed++;
        if (!map(s.vertexAt(c0), s.vertexAt(q1 == p1 ? c1 : c2))) {
          return false;
        }
      } else {
        need(s.vertexAt(c0));
        if (level < 2 && TriangleTurn.tooFar(s.positions, p0, p1, q1, q2)) {
          return false;
        }
      }
    }
    if (removed == 0) {
      return false;
    }
    if (level < 2 && !topologyKept(p1, level)) {
      return false;
    }
    for (int i = 0; i < neededCount; i++) {
      if (!isMapped(needed[i])) {
        if (level == 0) {
          return false;
        }
        map(needed[i], mapTo[0]);
      }
    }
    return true;
  }

  /**
   * Performs the collapse {@link #allows} last allowed, which must still be allowed, and returns
   * the triangles it removed.
   */
  int perform(int p0, int p1) {
    for (int m = 0; m < mapCount; m++) {
      s.move(mapFrom[m], mapTo[m]);
    }
    s.quadrics.merge(p0, p1);
    s.markMoved(p0);
    return removed;
  }

  private boolean owns(int p) {
    return p >= ownedFrom && p < ownedTo;
  }

  private boolean topologyKept(int p1, int level) {
    int borderEdges = 0;
    boolean collapsedEdgeIsBorder = false;
    Neighbours n = neighbours;
    for (int i = 0; i < n.count; i++) {
      if (n.use[i] > 2) {
        return false;
      }
      if (n.use[i] == 1) {
        borderEdges++;
        collapsedEdgeIsBorder |= n.classes[i] == p1;
      }
    }
    if (level == 0 && borderEdges > 0 && !(collapsedEdgeIsBorder && borderEdges == 2)) {
      return false;
    }
    // Link condition: the neighbours p0 and p1 share are exactly the apexes of the removed
    // triangles; another shared neighbour would give two triangles the same edge afterwards.
    Adjacency adj = s.adjacency;
    for (int r = adj.offsets[p1]; r < adj.offsets[p1 + 1]; r++) {
      int c = adj.corners[r];
      int q1 = s.positionAt(CollapseState.nextCorner(c));
      int q2 = s.positionAt(CollapseState.previousCorner(c));
      if (!owns(q1) || !owns(q2)) {
        foreign = true;
        return false;
      }
      if (q1 != q2 && q1 != p1 && q2 != p1 && s.positionAt(c) == p1) {
        n.markNearTarget(q1);
        n.markNearTarget(q2);
      }
    }
    int shared = 0;
    for (int i = 0; i < n.count; i++) {
      if (n.classes[i] != p1 && n.nearTarget[i]) {
        shared++;
      }
    }
    return shared <= removed;
  }

  private boolean map(int from, int to) {
    for (int i = 0; i < mapCount; i++) {
      if (mapFrom[i] == from) {
        return mapTo[i] == to;
      }
    }
    if (mapCount == mapFrom.length) {
      mapFrom = Arrays.copyOf(mapFrom, mapCount * 2);
      mapTo = Arrays.copyOf(mapTo, mapCount * 2);
    }
    mapFrom[mapCount] = from;
    mapTo[mapCount++] = to;
    return true;
  }

  private boolean isMapped(int from) {
    for (int i = 0; i < mapCount; i++) {
      if (mapFrom[i] == from) {
        return true;
      }
    }
    return false;
  }

  private void need(int vertex) {
    for (int i = 0; i < neededCount; i++) {
      if (needed[i] == vertex) {
        return;
      }
    }
    if (neededCount == needed.length) {
      needed = Arrays.copyOf(needed, neededCount * 2);
    }
    needed[neededCount++] = vertex;
  }
}
