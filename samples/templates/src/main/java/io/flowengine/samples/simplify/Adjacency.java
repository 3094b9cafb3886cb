package io.flowengine.samples.simplify;

/**
 * The triangles around each position vertex, in compressed rows: triangles of vertex {@code p} are
 * {@code triangles[offsets[p]]} to {@code triangles[offsets[p + 1] - 1]}. Built from the index
 * buffer at the start of a pass. Immutable after construction.
 */
final class Adjacency {
  final int[] offsets;
  final int[] triangles;

  /**
   * Builds the rows for {@code triangleCount} triangles of {@code indices}, mapping each corner's
   * vertex through {@code position}.
   */
  Adjacency(int vertexCount, int[] indices, int triangleCount, int[] position) {
    offsets = new int[vertexCount + 1];
    for (int c = 0; c < triangleCount * 3; c++) {
      offsets[position[indices[c]] + 1]++;
    }
    for (int v = 0; v < vertexCount; v++) {
      offsets[v + 1] += offsets[v];
    }
    triangles = new int[triangleCount * 3];
    int[] fill = new int[vertexCount];
    for (int c = 0; c < triangleCount * 3; c++) {
      int p = position[indices[c]];
      triangles[offsets[p] + fill[p]++] = c / 3;
    }
  }
}
