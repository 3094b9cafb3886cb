package io.flowengine.samples.simplify;

/**
 * The flip test of a collapse: whether a triangle that stays turns too far when one of its corners
 * moves. Stateless.
 */
final class TriangleTurn {
  /** The smallest cosine allowed between a triangle's normal before and after a collapse. */
  private static final double MIN_TURN_COS = 0.2;

  private TriangleTurn() {}

  /**
   * Whether triangle (p0, q1, q2) of classes at {@code p}'s positions turns too far, or collapses,
   * when p0 moves onto p1.
   */
  static boolean tooFar(float[] p, int p0, int p1, int q1, int q2) {
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
}
