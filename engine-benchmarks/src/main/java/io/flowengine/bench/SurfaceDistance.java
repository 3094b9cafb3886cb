package io.flowengine.bench;

import io.flowengine.samples.mesh.Mesh;

/**
 * A sampled symmetric Hausdorff distance between two triangle meshes: points are taken on each
 * surface (every vertex and, for an evenly spaced choice of triangles, the centroid and the three
 * points halfway between it and the corners) and the largest distance from any of them to the other
 * surface is the result. Deterministic. Stateless and thread-safe.
 */
final class SurfaceDistance {
  private SurfaceDistance() {}

  /**
   * Returns the sampled symmetric Hausdorff distance between {@code original} and {@code
   * simplified} divided by the diagonal of {@code original}'s bounding box, taking about {@code
   * samples} triangle samples from each surface on top of the vertices.
   */
  static double relative(Mesh original, Mesh simplified, int samples) {
    double d =
        Math.max(oneWay(original, simplified, samples), oneWay(simplified, original, samples));
    return d / original.bounds().diagonal();
  }

  /** The largest sampled distance from points of {@code from} to the surface of {@code to}. */
  static double oneWay(Mesh from, Mesh to, int samples) {
    TriangleGrid grid = new TriangleGrid(to);
    float[] p = from.positions();
    double worst = 0;
    for (int v = 0; v < p.length; v += 3) {
      worst = Math.max(worst, grid.distance(p[v], p[v + 1], p[v + 2]));
    }
    int[] idx = from.indices();
    int triangles = idx.length / 3;
    int stride = Math.max(1, triangles / Math.max(1, samples / 4));
    for (int t = 0; t < triangles; t += stride) {
      int a = 3 * idx[3 * t];
      int b = 3 * idx[3 * t + 1];
      int c = 3 * idx[3 * t + 2];
      double cx = (p[a] + p[b] + p[c]) / 3.0;
      double cy = (p[a + 1] + p[b + 1] + p[c + 1]) / 3.0;
      double cz = (p[a + 2] + p[b + 2] + p[c + 2]) / 3.0;
      worst = Math.max(worst, grid.distance(cx, cy, cz));
      for (int corner : new int[] {a, b, c}) {
        worst =
            Math.max(
                worst,
                grid.distance(
                    (cx + p[corner]) / 2, (cy + p[corner + 1]) / 2, (cz + p[corner + 2]) / 2));
      }
    }
    return worst;
  }
}
