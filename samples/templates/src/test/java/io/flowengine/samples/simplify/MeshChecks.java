package io.flowengine.samples.simplify;

import io.flowengine.samples.mesh.Mesh;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * Test support: topology and geometry measures of meshes, welding equal positions, and meshes with
 * their vertices and triangles in a scrambled order.
 */
final class MeshChecks {
  private MeshChecks() {}

  /**
   * Returns {@code mesh} with its vertices and its triangles each put in an order drawn from {@code
   * seed}: the same surface, with neighbours far apart in both orders.
   */
  static Mesh shuffled(Mesh mesh, long seed) {
    Random random = new Random(seed);
    int[] vertexAt = permutation(mesh.vertexCount(), random);
    int[] newIndex = new int[vertexAt.length];
    float[] positions = new float[mesh.positions().length];
    float[] normals = mesh.normals() == null ? null : new float[positions.length];
    float[] texCoords = mesh.texCoords() == null ? null : new float[2 * vertexAt.length];
    for (int v = 0; v < vertexAt.length; v++) {
      int old = vertexAt[v];
      newIndex[old] = v;
      System.arraycopy(mesh.positions(), 3 * old, positions, 3 * v, 3);
      if (normals != null) {
        System.arraycopy(mesh.normals(), 3 * old, normals, 3 * v, 3);
      }
      if (texCoords != null) {
        System.arraycopy(mesh.texCoords(), 2 * old, texCoords, 2 * v, 2);
      }
    }
    int[] triangleAt = permutation(mesh.triangleCount(), random);
    int[] indices = new int[mesh.indices().length];
    for (int t = 0; t < triangleAt.length; t++) {
      for (int k = 0; k < 3; k++) {
        indices[3 * t + k] = newIndex[mesh.indices()[3 * triangleAt[t] + k]];
      }
    }
    return new Mesh(positions, normals, texCoords, indices);
  }

  private static int[] permutation(int count, Random random) {
    int[] order = new int[count];
    for (int i = 0; i < count; i++) {
      order[i] = i;
    }
    for (int i = count - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }

  static long openEdges(Mesh mesh) {
    return edgeUse(mesh).values().stream().filter(n -> n == 1).count();
  }

  static long nonManifoldEdges(Mesh mesh) {
    return edgeUse(mesh).values().stream().filter(n -> n > 2).count();
  }

  static String vertexKey(Mesh mesh, int v) {
    StringBuilder key = new StringBuilder();
    for (int k = 0; k < 3; k++) {
      key.append(mesh.positions()[3 * v + k]).append(',');
      key.append(mesh.normals()[3 * v + k]).append(',');
    }
    return key.append(mesh.texCoords()[2 * v])
        .append(',')
        .append(mesh.texCoords()[2 * v + 1])
        .toString();
  }

  static double area(Mesh mesh) {
    double total = 0;
    float[] p = mesh.positions();
    int[] idx = mesh.indices();
    for (int t = 0; t < idx.length; t += 3) {
      double[] n = cross(p, idx[t], idx[t + 1], idx[t + 2]);
      total += Math.sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]) / 2;
    }
    return total;
  }

  /**
   * The largest distance from a vertex of {@code simplified} to the nearest vertex of {@code
   * original}.
   */
  static double maxDistanceToSurface(Mesh simplified, Mesh original) {
    double worst = 0;
    float[] s = simplified.positions();
    float[] o = original.positions();
    // Sample the simplified triangles' centroids: they lie on the new surface, off the old
    // vertices.
    int[] idx = simplified.indices();
    for (int t = 0; t < idx.length; t += 3 * 7) {
      double x = (s[3 * idx[t]] + s[3 * idx[t + 1]] + s[3 * idx[t + 2]]) / 3;
      double y = (s[3 * idx[t] + 1] + s[3 * idx[t + 1] + 1] + s[3 * idx[t + 2] + 1]) / 3;
      double z = (s[3 * idx[t] + 2] + s[3 * idx[t + 1] + 2] + s[3 * idx[t + 2] + 2]) / 3;
      double best = Double.POSITIVE_INFINITY;
      for (int v = 0; v < o.length; v += 3) {
        double dx = o[v] - x;
        double dy = o[v + 1] - y;
        double dz = o[v + 2] - z;
        best = Math.min(best, dx * dx + dy * dy + dz * dz);
      }
      worst = Math.max(worst, Math.sqrt(best));
    }
    return worst;
  }

  private static double[] cross(float[] p, int a, int b, int c) {
    double ux = p[3 * b] - p[3 * a];
    double uy = p[3 * b + 1] - p[3 * a + 1];
    double uz = p[3 * b + 2] - p[3 * a + 2];
    double vx = p[3 * c] - p[3 * a];
    double vy = p[3 * c + 1] - p[3 * a + 1];
    double vz = p[3 * c + 2] - p[3 * a + 2];
    return new double[] {uy * vz - uz * vy, uz * vx - ux * vz, ux * vy - uy * vx};
  }

  private static Map<Long, Integer> edgeUse(Mesh mesh) {
    Map<String, Integer> ids = new HashMap<>();
    float[] p = mesh.positions();
    int[] welded = new int[mesh.vertexCount()];
    for (int v = 0; v < welded.length; v++) {
      welded[v] =
          ids.computeIfAbsent(p[3 * v] + "," + p[3 * v + 1] + "," + p[3 * v + 2], k -> ids.size());
    }
    Map<Long, Integer> use = new HashMap<>();
    int[] idx = mesh.indices();
    for (int t = 0; t < idx.length; t += 3) {
      for (int k = 0; k < 3; k++) {
        int a = welded[idx[t + k]];
        int b = welded[idx[t + (k + 1) % 3]];
        use.merge(((long) Math.min(a, b) << 32) | Math.max(a, b), 1, Integer::sum);
      }
    }
    return use;
  }
}
