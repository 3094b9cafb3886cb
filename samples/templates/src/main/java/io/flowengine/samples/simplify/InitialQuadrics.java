package io.flowengine.samples.simplify;

/**
 * Fills a simplification's quadrics from its input: every live triangle's plane, weighted by area,
 * on its three classes, and a plane standing on every open edge (an edge of exactly one triangle)
 * on that edge's two ends. Open edges are found class by class from the class's own row of corners,
 * so each class reads only its neighbourhood once. Stateless.
 */
final class InitialQuadrics {
  private InitialQuadrics() {}

  /** Adds the face and border planes of {@code s}'s live triangles to its quadrics. */
  static void add(CollapseState s) {
    double[] normal = new double[4];
    int triangles = s.source.length / 3;
    float[] p = s.positions;
    for (int t = 0; t < triangles; t++) {
      int a = s.startPositionAt(3 * t);
      int b = s.startPositionAt(3 * t + 1);
      int c = s.startPositionAt(3 * t + 2);
      if (a == b || b == c || a == c || !normal(s, t, normal)) {
        continue;
      }
      double area = normal[3] / 2;
      for (int k = 0; k < 3; k++) {
        int v = k == 0 ? a : k == 1 ? b : c;
        s.quadrics.addPlane(
            v, normal[0], normal[1], normal[2], p[3 * a], p[3 * a + 1], p[3 * a + 2], area);
      }
    }
    addBorderPlanes(s, normal, new Neighbours());
  }

  private static void addBorderPlanes(CollapseState s, double[] normal, Neighbours around) {
    Adjacency adj = s.adjacency;
    int classes = adj.offsets.length - 1;
    for (int v = 0; v < classes; v++) {
      around.clear();
      for (int r = adj.offsets[v]; r < adj.offsets[v + 1]; r++) {
        int c = adj.corners[r];
        around.count(s.startPositionAt(CollapseState.nextCorner(c)));
        around.count(s.startPositionAt(CollapseState.previousCorner(c)));
      }
      if (!around.anySeenOnce()) {
        continue;
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
