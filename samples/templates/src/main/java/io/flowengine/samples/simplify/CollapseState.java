package io.flowengine.samples.simplify;

import java.util.Arrays;

/**
 * The mutable state of one simplification: the input's positions and index buffer (read, never
 * copied), which position class each vertex is in, where each vertex's corners point now, the
 * pass's locks and the quadrics. Vertex ids are indices of the input mesh; a position class is
 * named by its lowest vertex. Not thread-safe: where two threads work on it at once ({@link
 * OwnedCollapses}, {@link AdjacencyPart}, {@link InitialQuadrics}), each writes only entries of its
 * own classes and triangles, and the caller waits for both.
 *
 * <p>A corner's current vertex is {@code vertex[vertex[source[c]]]}: between passes every entry of
 * {@link #vertex} names a vertex that maps to itself; a collapse points the moved vertices at their
 * targets, which stay put for the rest of the pass (both ends of a collapse are locked), so a chain
 * is never longer than two until {@link #endPass} shortens it again. A corner's class is {@code
 * position[source[c]]} at the start of a pass; within it, a class that collapsed is marked moved
 * and its corners are on its target's class, {@link #bestTo}, one step (targets do not move in the
 * same pass) until {@link #endPass} writes the new classes into {@link #position}.
 */
final class CollapseState {
  final float[] positions;

  /** The input's triangle corners: three vertex ids per triangle. */
  final int[] source;

  /**
   * For each vertex, the position class its corners are in at the start of the pass (at first: the
   * lowest vertex at its position).
   */
  final int[] position;

  /** For each vertex, the vertex its corners have been moved to (itself if none). */
  final int[] vertex;

  /** Live triangles, counted at the start of each pass. */
  int triangleCount;

  /** The position classes that were an endpoint of a collapse in this pass, one bit each. */
  private final long[] locked;

  /** The position classes that collapsed onto their {@link #bestTo} in this pass, one bit each. */
  private final long[] moved;

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
    this.moved = new long[locked.length];
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
    int p = position[source[c]];
    return (moved[p >>> 6] & (1L << p)) != 0 ? bestTo[p] : p;
  }

  /**
   * Returns the position class at corner {@code c} before this pass's first collapse: the same as
   * {@link #positionAt} then, one lookup shorter.
   */
  int startPositionAt(int c) {
    return position[source[c]];
  }

  /** Returns the corner after {@code c} in its triangle. */
  static int nextCorner(int c) {
    return c % 3 == 2 ? c - 2 : c + 1;
  }

  /** Returns the corner before {@code c} in its triangle. */
  static int previousCorner(int c) {
    return c % 3 == 0 ? c + 2 : c - 1;
  }

  boolean isLocked(int p) {
    return (locked[p >>> 6] & (1L << p)) != 0;
  }

  void lock(int p) {
    locked[p >>> 6] |= 1L << p;
  }

  void unlock(int p) {
    locked[p >>> 6] &= ~(1L << p);
  }

  /** Clears every lock of this pass. */
  void unlockAll() {
    Arrays.fill(locked, 0);
  }

  /** Moves the corners of attribute vertex {@code from} to {@code to} for the rest of the run. */
  void move(int from, int to) {
    vertex[from] = to;
  }

  /** Marks class {@code p} as collapsed onto {@code bestTo[p]} for the rest of the pass. */
  void markMoved(int p) {
    moved[p >>> 6] |= 1L << p;
  }

  /**
   * Shortens every vertex's chain to one step and moves it to its new class, drops the triangles
   * this pass collapsed (rebuilding the rows and the count), clears the locks and starts the next
   * pass.
   */
  void endPass() {
    for (int v = 0; v < vertex.length; v++) {
      vertex[v] = vertex[vertex[v]];
      int p = position[v];
      if ((moved[p >>> 6] & (1L << p)) != 0) {
        position[v] = bestTo[p];
      }
    }
    Arrays.fill(moved, 0);
    triangleCount = adjacency.rebuild(this);
    unlockAll();
    pass++;
  }
}
