package io.flowengine.samples.simplify;

import java.util.stream.IntStream;

/**
 * Fills a simplification's quadrics from its input: every live triangle's plane, weighted by area,
 * on its three classes, and a plane standing on every open edge (an edge of exactly one triangle)
 * on that edge's two ends. Each class gathers its own planes from its row of corners (faces in
 * triangle order, then open edges, found from the row's own neighbours), so the classes are filled
 * independently: two halves of them at once, with the same result as one after the other.
 * Stateless.
 */
final class InitialQuadrics {
  private InitialQuadrics() {}

  /** Adds the face and border planes of {@code s}'s live triangles to its quadrics. */
  static void add(CollapseState s) {
    int classes = s.adjacency.offsets.length - 1;
    int half = classes / 2;
    IntStream.range(0, 2)
        .parallel()
        .forEach(part -> add(s, part == 0 ? 0 : half, part == 0 ? half : classes));
  }

  /** Adds the planes of the classes in [from, to). */
  private static void add(CollapseState s, int from, int to) {
    double[] normal = new double[4];
    Neighbours around = new Neighbours();
    Adjacency adj = s.adjacency;
    float[] p = s.positions;
    for (int v = from; v < to; v++) {
      if (adj.offsets[v] == adj.offsets[v + 1]) {
        continue;
      }
      for (int r = adj.offsets[v]; r < adj.offsets[v + 1]; r++) {
        int t = adj.corners[r] / 3;
        if (normal(s, t, normal)) {
          int a = s.startPositionAt(3 * t);
          s.quadrics.addPlane(
              v,
              normal[0],
              normal[1],
              normal[2],
              p[3 * a],
              p[3 * a + 1],
              p[3 * a + 2],
              normal[3] / 2);
        }
      }
      addBorderPlanes(s, v, normal, around);
    }
  }

  private static void addBorderPlanes(CollapseState s, int v, double[] normal, Neighbours around) {
    Adjacency adj = s.adjacency;
    around.clear();
    for (int r = adj.offsets[v]; r < adj.offsets[v + 1]; r++) {
      int c = adj.corners[r];
      around.count(s.startPositionAt(CollapseState.nextCorner(c)));
      around.count(s.startPositionAt(CollapseState.previousCorner(c)));
    }
    if (!around.anySeenOnce()) {
      return;
    }
    for (int r = adj.offsets[v]; r < adj.offsets[v + 1]; r++) {
      int c = adj.corners[r];
      int next = s.startPositionAt(CollapseState.nextCorner(c));
      int previous = s.startPositionAt(CollapseState.previousCorner(c));
      if (around.uses(next) == 1) {
        addBorderPlane(s, v, next, c / 3, v, normal);
      }
      if (around.uses(previous) == 1) {
        addBorderPlane(s, previous, v, c / 3, v, normal);
      }
    }
  }

  /**
   * Adds to class {@code onto} the plane through open edge {@code from}→{@code to} of triangle
   * {@code t} that stands perpendicular on the triangle.
   */
  private static void addBorderPlane(
      CollapseState s, int from, int to, int t, int onto, double[] normal) {
    if (!normal(s, t, normal)) {
      return;
    }
    float[] p = s.positions;
    double nx = normal[0];
    double ny = normal[1];
    double nz = normal[2];
    double ex = p[3 * to] - p[3 * from];
    double ey = p[3 * to + 1] - p[3 * from + 1];
    double ez = p[3 * to + 2] - p[3 * from + 2];
    double mx = ey * nz - ez * ny;
    double my = ez * nx - ex * nz;
    double mz = ex * ny - ey * nx;
    double length = Math.sqrt(mx * mx + my * my + mz * mz);
    if (length == 0) {
      return;
    }
    double weight = Quadrics.BORDER_WEIGHT * (ex * ex + ey * ey + ez * ez);
    s.quadrics.addPlane(
        onto,
        mx / length,
        my / length,
        mz / length,
        p[3 * from],
        p[3 * from + 1],
        p[3 * from + 2],
        weight);
  }

  /**
   * Writes triangle {@code t}'s unit normal and twice its area into {@code out} and returns whether
   * it has an area.
   */
  private static boolean normal(CollapseState s, int t, double[] out) {
    float[] p = s.positions;
    int a = s.startPositionAt(3 * t);
    int b = s.startPositionAt(3 * t + 1);
    int c = s.startPositionAt(3 * t + 2);
    double ux = p[3 * b] - p[3 * a];
    double uy = p[3 * b + 1] - p[3 * a + 1];
    double uz = p[3 * b + 2] - p[3 * a + 2];
    double vx = p[3 * c] - p[3 * a];
    double vy = p[3 * c + 1] - p[3 * a + 1];
    double vz = p[3 * c + 2] - p[3 * a + 2];
    double nx = uy * vz - uz * vy;
    double ny = uz * vx - ux * vz;
    double nz = ux * vy - uy * vx;
    double length = Math.sqrt(nx * nx + ny * ny + nz * nz);
    if (length == 0) {
      return false;
    }
    out[0] = nx / length;
    out[1] = ny / length;
    out[2] = nz / length;
    out[3] = length;
    return true;
  }
}
