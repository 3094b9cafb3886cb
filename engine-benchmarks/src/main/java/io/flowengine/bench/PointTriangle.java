package io.flowengine.bench;

/**
 * The squared distance from a point to a triangle (Ericson, Real-Time Collision Detection 5.1.5).
 */
final class PointTriangle {
  private PointTriangle() {}

  /** Returns the squared distance from (x, y, z) to triangle {@code t} of {@code indices}. */
  static double distanceSquared(float[] p, int[] indices, int t, double x, double y, double z) {
    int a = 3 * indices[3 * t];
    int b = 3 * indices[3 * t + 1];
    int c = 3 * indices[3 * t + 2];
    double ax = p[a];
    double ay = p[a + 1];
    double az = p[a + 2];
    double abx = p[b] - ax;
    double aby = p[b + 1] - ay;
    double abz = p[b + 2] - az;
    double acx = p[c] - ax;
    double acy = p[c + 1] - ay;
    double acz = p[c + 2] - az;
    double apx = x - ax;
    double apy = y - ay;
    double apz = z - az;
    double d1 = abx * apx + aby * apy + abz * apz;
    double d2 = acx * apx + acy * apy + acz * apz;
    if (d1 <= 0 && d2 <= 0) {
      return squared(apx, apy, apz);
    }
    double bpx = x - p[b];
    double bpy = y - p[b + 1];
    double bpz = z - p[b + 2];
    double d3 = abx * bpx + aby * bpy + abz * bpz;
    double d4 = acx * bpx + acy * bpy + acz * bpz;
    if (d3 >= 0 && d4 <= d3) {
      return squared(bpx, bpy, bpz);
    }
    double vc = d1 * d4 - d3 * d2;
    if (vc <= 0 && d1 >= 0 && d3 <= 0) {
      double v = d1 / (d1 - d3);
      return squared(apx - v * abx, apy - v * aby, apz - v * abz);
    }
    double cpx = x - p[c];
    double cpy = y - p[c + 1];
    double cpz = z - p[c + 2];
    double d5 = abx * cpx + aby * cpy + abz * cpz;
    double d6 = acx * cpx + acy * cpy + acz * cpz;
    if (d6 >= 0 && d5 <= d6) {
      return squared(cpx, cpy, cpz);
    }
    double vb = d5 * d2 - d1 * d6;
    if (vb <= 0 && d2 >= 0 && d6 <= 0) {
      double w = d2 / (d2 - d6);
      return squared(apx - w * acx, apy - w * acy, apz - w * acz);
    }
    double va = d3 * d6 - d5 * d4;
    if (va <= 0 && (d4 - d3) >= 0 && (d5 - d6) >= 0) {
      double w = (d4 - d3) / ((d4 - d3) + (d5 - d6));
      double bcx = p[c] - p[b];
      double bcy = p[c + 1] - p[b + 1];
      double bcz = p[c + 2] - p[b + 2];
      return squared(bpx - w * bcx, bpy - w * bcy, bpz - w * bcz);
    }
    double sum = va + vb + vc;
    if (!(sum > 0)) {
      return squared(apx, apy, apz); // a degenerate triangle: its first corner will do
    }
    double v = vb / sum;
    double w = vc / sum;
    return squared(apx - abx * v - acx * w, apy - aby * v - acy * w, apz - abz * v - acz * w);
  }

  private static double squared(double x, double y, double z) {
    return x * x + y * y + z * z;
  }
}
