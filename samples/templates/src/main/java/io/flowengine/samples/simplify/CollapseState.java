package io.flowengine.samples.simplify;

import java.util.Arrays;

/**
 * The mutable state of one simplification: the original vertex data, the current index buffer,
 * which vertices share a position, the per-pass attribute remap and locks, and the quadrics. Vertex
 * ids are indices of the input mesh; a position class is named by its lowest vertex. Not
 * thread-safe.
 */
final class CollapseState {
  final float[] positions;

  /** For each vertex, the vertex naming its position class. */
  final int[] position;

  /** Triangle corners, three per live triangle in {@code [0, 3 * triangleCount)}. */
  final int[] indices;

  int triangleCount;

  /** Within a pass: where each vertex's corners go after the collapses done so far. */
  final int[] remap;

  /** The pass in which each position class was last an endpoint of a collapse. */
  final int[] locked;

  final Quadrics quadrics;

  /** Within a pass: each position class's cheapest collapse target (-1: none) and its price. */
  final int[] bestTo;

  final float[] bestCost;
  int pass = 1;
  Adjacency adjacency;

  CollapseState(float[] positions, int[] position, int[] indices, int triangleCount) {
    int vertices = position.length;
    this.positions = positions;
    this.position = position;
    this.indices = indices;
    this.triangleCount = triangleCount;
    this.remap = new int[vertices];
    Arrays.setAll(remap, v -> v);
    this.locked = new int[vertices];
    this.quadrics = new Quadrics(vertices);
    this.bestTo = new int[vertices];
    this.bestCost = new float[vertices];
    this.adjacency = new Adjacency(vertices, indices, triangleCount, position);
  }

  /** Returns the vertex at corner {@code c} after this pass's collapses. */
  int vertexAt(int c) {
    return remap[indices[c]];
  }

  /** Returns the position class at corner {@code c} after this pass's collapses. */
  int positionAt(int c) {
    return position[remap[indices[c]]];
  }

  boolean isLocked(int p) {
    return locked[p] == pass;
  }

  /** Rebuilds the triangle rows around each position class from the current indices. */
  void buildAdjacency() {
    adjacency = new Adjacency(position.length, indices, triangleCount, position);
  }

  /**
   * Applies this pass's remap to the index buffer, drops the triangles it collapsed, resets the
   * remap and starts the next pass.
   */
  void endPass() {
    int out = 0;
    for (int t = 0; t < triangleCount; t++) {
      int a = remap[indices[3 * t]];
      int b = remap[indices[3 * t + 1]];
      int c = remap[indices[3 * t + 2]];
      int pa = position[a];
      int pb = position[b];
      int pc = position[c];
      if (pa != pb && pb != pc && pa != pc) {
        indices[out++] = a;
        indices[out++] = b;
        indices[out++] = c;
      }
    }
    triangleCount = out / 3;
    for (int v = 0; v < remap.length; v++) {
      remap[v] = v;
    }
    pass++;
  }

  /** Adds every triangle's plane, and a perpendicular plane on every open edge, to the quadrics. */
  void initQuadrics() {
    float[] p = positions;
    for (int t = 0; t < triangleCount; t++) {
      int a = position[indices[3 * t]];
      int b = position[indices[3 * t + 1]];
      int c = position[indices[3 * t + 2]];
      double ux = p[3 * b] - p[3 * a];
      double uy = p[3 * b + 1] - p[3 * a + 1];
      double uz = p[3 * b + 2] - p[3 * a + 2];
      double vx = p[3 * c] - p[3 * a];
      double vy = p[3 * c + 1] - p[3 * a + 1];
      double vz = p[3 * c + 2] - p[3 * a + 2];
      double nx = uy * vz - uz * vy;
      double ny = uz * vx - ux * vz;
      double nz = ux * vy - uy * vx;
      double length = Math.sqrt(nx * nx + ny * ny + nz * nz);
      if (length == 0) {
        continue;
      }
      nx /= length;
      ny /= length;
      nz /= length;
      double area = length / 2;
      for (int k = 0; k < 3; k++) {
        int v = position[indices[3 * t + k]];
        quadrics.addPlane(v, nx, ny, nz, p[3 * a], p[3 * a + 1], p[3 * a + 2], area);
      }
      for (int k = 0; k < 3; k++) {
        int from = position[indices[3 * t + k]];
        int to = position[indices[3 * t + (k + 1) % 3]];
        if (trianglesOnEdge(from, to) == 1) {
          addBorderPlane(from, to, nx, ny, nz);
        }
      }
    }
  }

  private void addBorderPlane(int from, int to, double nx, double ny, double nz) {
    float[] p = positions;
    double ex = p[3 * to] - p[3 * from];
    double ey = p[3 * to + 1] - p[3 * from + 1];
    double ez = p[3 * to + 2] - p[3 * from + 2];
    double mx = ey * nz - ez * ny;
    double my = ez * nx - ex * nz;
    double mz = ex * ny - ey * nx;
    double length = Math.sqrt(mx * mx + my * my + mz * mz);
    if (length == 0) {
      return;
    }
    double weight = Quadrics.BORDER_WEIGHT * (ex * ex + ey * ey + ez * ez);
    for (int v : new int[] {from, to}) {
      quadrics.addPlane(
          v,
          mx / length,
          my / length,
          mz / length,
          p[3 * from],
          p[3 * from + 1],
          p[3 * from + 2],
          weight);
    }
  }

  /** Returns how many live triangles contain both position classes. */
  int trianglesOnEdge(int p, int q) {
    int count = 0;
    for (int r = adjacency.offsets[p]; r < adjacency.offsets[p + 1]; r++) {
      int t = adjacency.triangles[r];
      if (positionAt(3 * t) == q || positionAt(3 * t + 1) == q || positionAt(3 * t + 2) == q) {
        count++;
      }
    }
    return count;
  }
}
