package io.flowengine.bench;

import io.flowengine.samples.mesh.Mesh;

/**
 * A uniform grid over a mesh's bounding box, each cell listing the triangles whose bounding box
 * meets it, for nearest-point queries on the surface. Immutable after construction; {@link
 * #distance} may be called from any thread.
 */
final class TriangleGrid {
  private final float[] p;
  private final int[] idx;
  private final double minX;
  private final double minY;
  private final double minZ;
  private final double cell;
  private final int nx;
  private final int ny;
  private final int nz;
  private final int[] offsets;
  private final int[] triangles;

  TriangleGrid(Mesh mesh) {
    p = mesh.positions();
    idx = mesh.indices();
    int count = Math.max(1, idx.length / 3);
    double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
    double[] hi = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    for (int i = 0; i < p.length; i++) {
      lo[i % 3] = Math.min(lo[i % 3], p[i]);
      hi[i % 3] = Math.max(hi[i % 3], p[i]);
    }
    double area = 0;
    for (int t = 0; t < idx.length; t += 3) {
      area += Math.sqrt(crossSquared(idx[t], idx[t + 1], idx[t + 2])) / 2;
    }
    double volume = (hi[0] - lo[0] + 1e-9) * (hi[1] - lo[1] + 1e-9) * (hi[2] - lo[2] + 1e-9);
    // About two triangles' edges per cell, but never more than two cells per triangle in all.
    double size = Math.max(2 * Math.sqrt(area / count), Math.cbrt(volume / (2.0 * count)));
    cell = size > 0 ? size : 1;
    minX = lo[0];
    minY = lo[1];
    minZ = lo[2];
    nx = (int) ((hi[0] - lo[0]) / cell) + 1;
    ny = (int) ((hi[1] - lo[1]) / cell) + 1;
    nz = (int) ((hi[2] - lo[2]) / cell) + 1;
    offsets = new int[nx * ny * nz + 1];
    for (int pass = 0; pass < 2; pass++) {
      int[] fill = pass == 0 ? offsets : new int[offsets.length];
      int[] out = pass == 0 ? new int[0] : new int[offsets[offsets.length - 1]];
      for (int t = 0; t < idx.length / 3; t++) {
        int a = 3 * idx[3 * t];
        int b = 3 * idx[3 * t + 1];
        int c = 3 * idx[3 * t + 2];
        int x0 = cellOf(Math.min(p[a], Math.min(p[b], p[c])), minX, nx);
        int x1 = cellOf(Math.max(p[a], Math.max(p[b], p[c])), minX, nx);
        int y0 = cellOf(Math.min(p[a + 1], Math.min(p[b + 1], p[c + 1])), minY, ny);
        int y1 = cellOf(Math.max(p[a + 1], Math.max(p[b + 1], p[c + 1])), minY, ny);
        int z0 = cellOf(Math.min(p[a + 2], Math.min(p[b + 2], p[c + 2])), minZ, nz);
        int z1 = cellOf(Math.max(p[a + 2], Math.max(p[b + 2], p[c + 2])), minZ, nz);
        for (int z = z0; z <= z1; z++) {
          for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
              int k = (z * ny + y) * nx + x;
              if (pass == 0) {
                fill[k + 1]++;
              } else {
                out[offsets[k] + fill[k]++] = t;
              }
            }
          }
        }
      }
      if (pass == 0) {
        for (int k = 0; k + 1 < offsets.length; k++) {
          offsets[k + 1] += offsets[k];
        }
      } else {
        triangles = out;
        return;
      }
    }
    throw new AssertionError("unreachable");
  }

  /** Returns the distance from (x, y, z) to the nearest point of the mesh's triangles. */
  double distance(double x, double y, double z) {
    int cx = cellOf(x, minX, nx);
    int cy = cellOf(y, minY, ny);
    int cz = cellOf(z, minZ, nz);
    double best = Double.POSITIVE_INFINITY;
    int maxRing = Math.max(nx, Math.max(ny, nz));
    for (int r = 0; r <= maxRing; r++) {
      for (int k = Math.max(0, cz - r); k <= Math.min(nz - 1, cz + r); k++) {
        for (int j = Math.max(0, cy - r); j <= Math.min(ny - 1, cy + r); j++) {
          boolean shellYz = Math.abs(k - cz) == r || Math.abs(j - cy) == r;
          for (int i = Math.max(0, cx - r); i <= Math.min(nx - 1, cx + r); i++) {
            if (!shellYz && Math.abs(i - cx) != r) {
              continue;
            }
            int c = (k * ny + j) * nx + i;
            for (int e = offsets[c]; e < offsets[c + 1]; e++) {
              best = Math.min(best, PointTriangle.distanceSquared(p, idx, triangles[e], x, y, z));
            }
          }
        }
      }
      // Every cell not yet visited is at least r cells away from the query's own cell.
      if (best <= (r * cell) * (r * cell)) {
        break;
      }
    }
    return Math.sqrt(best);
  }

  private int cellOf(double v, double min, int n) {
    int c = (int) Math.floor((v - min) / cell);
    return Math.max(0, Math.min(n - 1, c));
  }

  private double crossSquared(int a, int b, int c) {
    double ux = p[3 * b] - p[3 * a];
    double uy = p[3 * b + 1] - p[3 * a + 1];
    double uz = p[3 * b + 2] - p[3 * a + 2];
    double vx = p[3 * c] - p[3 * a];
    double vy = p[3 * c + 1] - p[3 * a + 1];
    double vz = p[3 * c + 2] - p[3 * a + 2];
    double x = uy * vz - uz * vy;
    double y = uz * vx - ux * vz;
    double z = ux * vy - uy * vx;
    return x * x + y * y + z * z;
  }
}
