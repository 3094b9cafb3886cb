package io.flowengine.samples.simplify;

/**
 * Garland-Heckbert error quadrics, ten floats per vertex: the sum of squared distances to the
 * planes of the triangles around it, weighted by area, plus planes standing on open borders so
 * borders keep their shape. Each vertex's quadric is stored relative to that vertex's own position,
 * so its plane offsets are small and single precision keeps the error of a short edge (relative to
 * one fixed origin, a plane offset near the mesh's size cancels the tiny errors away); merging
 * moves a quadric to the other vertex's origin in double precision. Not thread-safe.
 */
final class Quadrics {
  /** How much more a border plane weighs than a face plane of the same size. */
  static final double BORDER_WEIGHT = 4.0;

  private final float[] positions;
  private final float[] q;

  /** Creates zero quadrics for the vertices of {@code positions} (x, y, z each). */
  Quadrics(float[] positions) {
    this.positions = positions;
    q = new float[positions.length / 3 * 10];
  }

  /** Adds the plane through p with unit normal (nx, ny, nz), times {@code weight}, to vertex v. */
  void addPlane(
      int v, double nx, double ny, double nz, double px, double py, double pz, double weight) {
    float[] p = positions;
    double d = -(nx * (px - p[3 * v]) + ny * (py - p[3 * v + 1]) + nz * (pz - p[3 * v + 2]));
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

  /** Adds vertex {@code from}'s quadric, moved to {@code to}'s origin, to vertex {@code to}'s. */
  void merge(int from, int to) {
    float[] p = positions;
    double tx = (double) p[3 * to] - p[3 * from];
    double ty = (double) p[3 * to + 1] - p[3 * from + 1];
    double tz = (double) p[3 * to + 2] - p[3 * from + 2];
    int a = from * 10;
    int b = to * 10;
    double a00 = q[a];
    double a01 = q[a + 1];
    double a02 = q[a + 2];
    double a11 = q[a + 4];
    double a12 = q[a + 5];
    double a22 = q[a + 7];
    // With y = x - to: (y + t)'A(y + t) + 2b'(y + t) + c = y'Ay + 2(At + b)'y + t'At + 2b't + c.
    double atx = a00 * tx + a01 * ty + a02 * tz;
    double aty = a01 * tx + a11 * ty + a12 * tz;
    double atz = a02 * tx + a12 * ty + a22 * tz;
    double bx = q[a + 3];
    double by = q[a + 6];
    double bz = q[a + 8];
    double c = q[a + 9] + tx * atx + ty * aty + tz * atz + 2 * (bx * tx + by * ty + bz * tz);
    q[b] += q[a];
    q[b + 1] += q[a + 1];
    q[b + 2] += q[a + 2];
    q[b + 3] += (float) (bx + atx);
    q[b + 4] += q[a + 4];
    q[b + 5] += q[a + 5];
    q[b + 6] += (float) (by + aty);
    q[b + 7] += q[a + 7];
    q[b + 8] += (float) (bz + atz);
    q[b + 9] += (float) c;
  }

  /** Returns the error of moving both {@code v} and {@code w} to w's position: (Qv + Qw)(w). */
  double error(int v, int w) {
    float[] p = positions;
    double x = (double) p[3 * w] - p[3 * v];
    double y = (double) p[3 * w + 1] - p[3 * v + 1];
    double z = (double) p[3 * w + 2] - p[3 * v + 2];
    int a = v * 10;
    double e =
        q[a] * x * x
            + 2 * q[a + 1] * x * y
            + 2 * q[a + 2] * x * z
            + 2 * q[a + 3] * x
            + q[a + 4] * y * y
            + 2 * q[a + 5] * y * z
            + 2 * q[a + 6] * y
            + q[a + 7] * z * z
            + 2 * q[a + 8] * z
            + q[a + 9]
            + q[w * 10 + 9];
    return Math.max(0, e);
  }
}
