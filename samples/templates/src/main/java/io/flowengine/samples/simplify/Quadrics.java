package io.flowengine.samples.simplify;

/**
 * Garland-Heckbert error quadrics, ten doubles per vertex: the sum of squared distances to the
 * planes of the triangles around it, weighted by area, plus planes standing on open borders so
 * borders keep their shape. Not thread-safe.
 */
final class Quadrics {
  /** How much more a border plane weighs than a face plane of the same size. */
  static final double BORDER_WEIGHT = 4.0;

  private final double[] q;

  Quadrics(int vertices) {
    q = new double[vertices * 10];
  }

  /** Adds the plane through p with unit normal (nx, ny, nz), times {@code weight}, to vertex v. */
  void addPlane(
      int v, double nx, double ny, double nz, double px, double py, double pz, double weight) {
    double d = -(nx * px + ny * py + nz * pz);
    int o = v * 10;
    q[o] += weight * nx * nx;
    q[o + 1] += weight * nx * ny;
    q[o + 2] += weight * nx * nz;
    q[o + 3] += weight * nx * d;
    q[o + 4] += weight * ny * ny;
    q[o + 5] += weight * ny * nz;
    q[o + 6] += weight * ny * d;
    q[o + 7] += weight * nz * nz;
    q[o + 8] += weight * nz * d;
    q[o + 9] += weight * d * d;
  }

  /** Adds vertex {@code from}'s quadric to vertex {@code to}'s. */
  void merge(int from, int to) {
    int a = from * 10;
    int b = to * 10;
    for (int k = 0; k < 10; k++) {
      q[b + k] += q[a + k];
    }
  }

  /** Returns the error of moving both {@code v} and {@code w} to (x, y, z): (Qv + Qw)(x, y, z). */
  double error(int v, int w, double x, double y, double z) {
    int a = v * 10;
    int b = w * 10;
    double a2 = q[a] + q[b];
    double ab = q[a + 1] + q[b + 1];
    double ac = q[a + 2] + q[b + 2];
    double ad = q[a + 3] + q[b + 3];
    double b2 = q[a + 4] + q[b + 4];
    double bc = q[a + 5] + q[b + 5];
    double bd = q[a + 6] + q[b + 6];
    double c2 = q[a + 7] + q[b + 7];
    double cd = q[a + 8] + q[b + 8];
    double d2 = q[a + 9] + q[b + 9];
    double e =
        a2 * x * x
            + 2 * ab * x * y
            + 2 * ac * x * z
            + 2 * ad * x
            + b2 * y * y
            + 2 * bc * y * z
            + 2 * bd * y
            + c2 * z * z
            + 2 * cd * z
            + d2;
    return Math.max(0, e);
  }
}
