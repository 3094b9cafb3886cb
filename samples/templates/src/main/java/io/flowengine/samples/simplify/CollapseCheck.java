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
 * target count can be reached. Reuses scratch arrays; not thread-safe.
 */
final class CollapseCheck {
  /** The smallest cosine allowed between a triangle's normal before and after a collapse. */
  private static final double MIN_TURN_COS = 0.2;

  private final CollapseState s;
  int[] mapFrom = new int[8];
  int[] mapTo = new int[8];
  int mapCount;
  int removed;
  private int[] needed = new int[16];
  private int neededCount;
  private final Neighbours neighbours = new Neighbours();

  CollapseCheck(CollapseState state) {
    this.s = state;
  }

  /** Returns whether p0 may collapse into p1 at {@code level} (0 strict, 1, 2 loosest). */
  boolean allows(int p0, int p1, int level) {
    mapCount = 0;
    removed = 0;
    neededCount = 0;
    neighbours.clear();
    Adjacency adj = s.adjacency;
    for (int r = adj.offsets[p0]; r < adj.offsets[p0 + 1]; r++) {
      int c0 = adj.corners[r];
      int c1 = CollapseState.nextCorner(c0);
      int c2 = CollapseState.previousCorner(c0);
      int q1 = s.positionAt(c1);
      int q2 = s.positionAt(c2);
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
        if (level < 2 && turns(p0, p1, q1, q2)) {
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

  /** Whether triangle (p0, q1, q2) turns too far, or collapses, when p0 moves onto p1. */
  private boolean turns(int p0, int p1, int q1, int q2) {
    float[] p = s.positions;
    double ax = p[3 * q1] - p[3 * p0];
    double ay = p[3 * q1 + 1] - p[3 * p0 + 1];
    double az = p[3 * q1 + 2] - p[3 * p0 + 2];
    double bx = p[3 * q2] - p[3 * p0];
    double by = p[3 * q2 + 1] - p[3 * p0 + 1];
    double bz = p[3 * q2 + 2] - p[3 * p0 + 2];
    double nx = ay * bz - az * by;
    double ny = az * bx - ax * bz;
    double nz = ax * by - ay * bx;
    double cx = p[3 * q1] - p[3 * p1];
    double cy = p[3 * q1 + 1] - p[3 * p1 + 1];
    double cz = p[3 * q1 + 2] - p[3 * p1 + 2];
    double dx = p[3 * q2] - p[3 * p1];
    double dy = p[3 * q2 + 1] - p[3 * p1 + 1];
    double dz = p[3 * q2 + 2] - p[3 * p1 + 2];
    double mx = cy * dz - cz * dy;
    double my = cz * dx - cx * dz;
    double mz = cx * dy - cy * dx;
    double dot = nx * mx + ny * my + nz * mz;
    double lengths = Math.sqrt((nx * nx + ny * ny + nz * nz) * (mx * mx + my * my + mz * mz));
    return !(lengths > 0) || dot < MIN_TURN_COS * lengths;
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
