package io.flowengine.samples.simplify;

/**
 * Garland-Heckbert error quadrics, ten floats per vertex: the sum of squared distances to the
 * planes of the triangles around it, weighted by area, plus planes standing on open borders so
 * borders keep their shape. Positions are taken relative to an origin inside the mesh (the centre
 * of its bounds), so that single precision does not lose a mesh far from (0, 0, 0) to cancellation;
 * errors are evaluated in double precision. Not thread-safe.
 */
final class Quadrics {
  /** How much more a border plane weighs than a face plane of the same size. */
  static final double BORDER_WEIGHT = 4.0;

  private final float[] q;
  private final double ox;
  private final double oy;
  private final double oz;

  /** Creates zero quadrics for {@code vertices} vertices, positions measured from (ox, oy, oz). */
  Quadrics(int vertices, double ox, double oy, double oz) {
    q = new float[vertices * 10];
    this.ox = ox;
    this.oy = oy;
    this.oz = oz;
  }

  /** Adds the plane through p with unit normal (nx, ny, nz), times {@code weight}, to vertex v. */
  void addPlane(
      int v, double nx, double ny, double nz, double px, double py, double pz, double weight) {
    double d = -(nx * (px - ox) + ny * (py - oy) + nz * (pz - oz));
    int o = v * 10;
    q[o] += (float) (weight * nx * nx);
    q[o + 1] += (float) (weight * nx * ny);
    q[o + 2] += (float) (weight * nx * nz);
    q[o + 3] += (float) (weight * nx * d);
    q[o + 4] += (float) (weight * ny * ny);
    q[o + 5] += (float) (weight * ny * nz);
    q[o + 6] += (float) (weight * ny * d);
    q[o + 7] += (float) (weight * nz * nz);
    q[o + 8] += (float) (weight * nz * d);
    q[o + 9] += (float) (weight * d * d);
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
    x -= ox;
    y -= oy;
    z -= oz;
    double a2 = (double) q[a] + q[b];
    double ab = (double) q[a + 1] + q[b + 1];
    double ac = (double) q[a + 2] + q[b + 2];
    double ad = (double) q[a + 3] + q[b + 3];
    double b2 = (double) q[a + 4] + q[b + 4];
    double bc = (double) q[a + 5] + q[b + 5];
    double bd = (double) q[a + 6] + q[b + 6];
    double c2 = (double) q[a + 7] + q[b + 7];
    double cd = (double) q[a + 8] + q[b + 8];
    double d2 = (double) q[a + 9] + q[b + 9];
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
