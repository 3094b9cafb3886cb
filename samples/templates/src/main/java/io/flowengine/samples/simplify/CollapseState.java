package io.flowengine.samples.simplify;

import java.util.Arrays;

/**
 * The mutable state of one simplification: the input's positions and index buffer (read, never
 * copied), which vertices share a position, where each vertex's corners point now, the pass's locks
 * and the quadrics. Vertex ids are indices of the input mesh; a position class is named by its
 * lowest vertex. Not thread-safe.
 *
 * <p>A corner's current vertex is {@code vertex[vertex[source[c]]]}: between passes every entry of
 * {@link #vertex} names a vertex that maps to itself; a collapse points the moved vertices at their
 * targets, which stay put for the rest of the pass (both ends of a collapse are locked), so a chain
 * is never longer than two until {@link #endPass} shortens it again.
 */
final class CollapseState {
  final float[] positions;

  /** The input's triangle corners: three vertex ids per triangle. */
  final int[] source;

  /** For each vertex, the vertex naming its position class. */
  final int[] position;

  /** For each vertex, the vertex its corners have been moved to (itself if none). */
  final int[] vertex;

  /** Live triangles, counted at the start of each pass. */
  int triangleCount;

  /** The position classes that were an endpoint of a collapse in this pass, one bit each. */
  private final long[] locked;

  final Quadrics quadrics;

  /** Within a pass: each position class's cheapest collapse target (-1: none). */
  final int[] bestTo;

  final Adjacency adjacency;
  int pass = 1;

  /**
   * Starts on the input's {@code positions} and {@code source} corners, with corners already moved
   * to {@code vertex} (whose entries must map to themselves) and classes {@code position}.
   */
  CollapseState(float[] positions, int[] source, int[] position, int[] vertex) {
    int vertices = position.length;
    this.positions = positions;
    this.source = source;
    this.position = position;
    this.vertex = vertex;
    this.locked = new long[(vertices + 63) >>> 6];
    this.quadrics = new Quadrics(positions);
    this.bestTo = new int[vertices];
    this.adjacency = new Adjacency(vertices, source.length / 3);
    this.triangleCount = adjacency.rebuild(this);
  }

  /** Returns the vertex at corner {@code c} after this pass's collapses. */
  int vertexAt(int c) {
    return vertex[vertex[source[c]]];
  }

  /** Returns the position class at corner {@code c} after this pass's collapses. */
  int positionAt(int c) {
    return position[vertex[vertex[source[c]]]];
  }

  /**
   * Returns the position class at corner {@code c} before this pass's first collapse: the same as
   * {@link #positionAt} then, one lookup shorter.
   */
  int startPositionAt(int c) {
    return position[vertex[source[c]]];
  }

  boolean isLocked(int p) {
    return (locked[p >>> 6] & (1L << p)) != 0;
  }

  void lock(int p) {
    locked[p >>> 6] |= 1L << p;
  }

  /** Moves the corners of attribute vertex {@code from} to {@code to} for the rest of the run. */
  void move(int from, int to) {
    vertex[from] = to;
  }

  /**
   * Shortens every vertex's chain to one step, drops the triangles this pass collapsed (rebuilding
   * the rows and the count), clears the locks and starts the next pass.
   */
  void endPass() {
    for (int v = 0; v < vertex.length; v++) {
      vertex[v] = vertex[vertex[v]];
    }
    triangleCount = adjacency.rebuild(this);
    Arrays.fill(locked, 0);
    pass++;
  }

  /** Adds every triangle's plane, and a perpendicular plane on every open edge, to the quadrics. */
  void initQuadrics() {
    float[] p = positions;
    int triangles = source.length / 3;
    for (int t = 0; t < triangles; t++) {
      int a = startPositionAt(3 * t);
      int b = startPositionAt(3 * t + 1);
      int c = startPositionAt(3 * t + 2);
      if (a == b || b == c || a == c) {
        continue;
      }
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
        int v = startPositionAt(3 * t + k);
        quadrics.addPlane(v, nx, ny, nz, p[3 * a], p[3 * a + 1], p[3 * a + 2], area);
      }
      for (int k = 0; k < 3; k++) {
        int from = startPositionAt(3 * t + k);
        int to = startPositionAt(3 * t + (k + 1) % 3);
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
      if (startPositionAt(3 * t) == q
          || startPositionAt(3 * t + 1) == q
          || startPositionAt(3 * t + 2) == q) {
        count++;
      }
    }
    return count;
  }
}
