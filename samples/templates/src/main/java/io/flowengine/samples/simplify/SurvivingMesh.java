package io.flowengine.samples.simplify;

import io.flowengine.samples.mesh.Mesh;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The output of a simplification: the input's triangles that still have three positions once their
 * corners moved, with only the vertices they use and those vertices' attributes copied from the
 * input. Two threads count the triangles left, half each. Stateless.
 */
final class SurvivingMesh {
  private SurvivingMesh() {}

  /**
   * Builds the output mesh from the triangles whose corners, moved to {@code vertex}, lie at three
   * different positions, numbering vertices in order of first use.
   */
  static Mesh of(Mesh mesh, int[] vertex) {
    int[] source = mesh.indices();
    float[] p = mesh.positions();
    int half = source.length / 6 * 3;
    int triangles =
        IntStream.range(0, 2)
            .parallel()
            .map(
                h -> countLive(p, vertex, source, h == 0 ? 0 : half, h == 0 ? half : source.length))
            .sum();
    int[] newIndex = new int[mesh.vertexCount()];
    Arrays.fill(newIndex, -1);
    int[] indices = new int[triangles * 3];
    int vertices = 0;
    int out = 0;
    for (int t = 0; t < source.length; t += 3) {
      if (!isLive(p, vertex, source, t)) {
        continue;
      }
      for (int k = 0; k < 3; k++) {
        int v = vertex[source[t + k]];
        if (newIndex[v] < 0) {
          newIndex[v] = vertices++;
        }
        indices[out++] = newIndex[v];
      }
    }
    float[] positions = new float[vertices * 3];
    float[] normals = mesh.normals() == null ? null : new float[vertices * 3];
    float[] texCoords = mesh.texCoords() == null ? null : new float[vertices * 2];
    for (int v = 0; v < newIndex.length; v++) {
      int to = newIndex[v];
      if (to < 0) {
        continue;
      }
      System.arraycopy(p, 3 * v, positions, 3 * to, 3);
      if (normals != null) {
        System.arraycopy(mesh.normals(), 3 * v, normals, 3 * to, 3);
      }
      if (texCoords != null) {
        System.arraycopy(mesh.texCoords(), 2 * v, texCoords, 2 * to, 2);
      }
    }
    return new Mesh(positions, normals, texCoords, indices);
  }

  /** Counts the triangles with three positions among those at corners [from, to). */
  private static int countLive(float[] p, int[] vertex, int[] source, int from, int to) {
    int live = 0;
    for (int t = from; t < to; t += 3) {
      live += isLive(p, vertex, source, t) ? 1 : 0;
    }
    return live;
  }

  /** Whether the triangle at corner {@code t}, moved to {@code vertex}, has three positions. */
  private static boolean isLive(float[] p, int[] vertex, int[] source, int t) {
    int a = vertex[source[t]];
    int b = vertex[source[t + 1]];
    int c = vertex[source[t + 2]];
    return !samePosition(p, a, b) && !samePosition(p, b, c) && !samePosition(p, a, c);
  }

  private static boolean samePosition(float[] p, int a, int b) {
    return Float.floatToRawIntBits(p[3 * a]) == Float.floatToRawIntBits(p[3 * b])
        && Float.floatToRawIntBits(p[3 * a + 1]) == Float.floatToRawIntBits(p[3 * b + 1])
        && Float.floatToRawIntBits(p[3 * a + 2]) == Float.floatToRawIntBits(p[3 * b + 2]);
  }
}
