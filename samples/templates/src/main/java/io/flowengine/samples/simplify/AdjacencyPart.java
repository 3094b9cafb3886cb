package io.flowengine.samples.simplify;

/**
 * The share of one thread in rebuilding {@link Adjacency}'s rows: a range of triangles (whole words
 * of the dead-triangle bitmap) and the classes on one side of a split of them, or every class. It
 * counts and files the corners of its own triangles that lie in its own classes; those that lie in
 * the other side's classes, which are few when the mesh's order keeps neighbours together, it lists
 * in corner order for one thread to file afterwards, up to a fixed number ({@link #overflowed}
 * beyond). Not thread-safe: one thread at a time.
 */
final class AdjacencyPart {
  /** Which classes a part files: all of them, those marked low, or those not marked low. */
  enum Side {
    EVERY,
    LOW,
    HIGH
  }

  private final int fromTriangle;
  private final int toTriangle;
  private final long[] lowClasses;
  private final Side side;
  private final int[] crossing;
  private int crossingCount;

  /** Whether more corners crossed to the other side than could be listed. */
  boolean overflowed;

  /** The live triangles counted by the last {@link #count}. */
  int live;

  /**
   * Covers triangles [fromTriangle, toTriangle) and the classes of {@code side} in {@code
   * lowClasses} (one bit per class), listing up to {@code capacity} corners of the other side.
   */
  AdjacencyPart(int fromTriangle, int toTriangle, long[] lowClasses, Side side, int capacity) {
    this.fromTriangle = fromTriangle;
    this.toTriangle = toTriangle;
    this.lowClasses = lowClasses;
    this.side = side;
    this.crossing = new int[capacity];
  }

  /**
   * Counts the corners of this part's live triangles into {@code offsets} (own classes) or the
   * crossing list (the others), and marks in {@code dead} the triangles found dead.
   */
  void count(CollapseState state, int[] offsets, long[] dead) {
    live = 0;
    crossingCount = 0;
    overflowed = false;
    for (int t = fromTriangle; t < toTriangle; t++) {
      long word = dead[t >>> 6];
      if ((word & (1L << t)) != 0) {
        if (word == -1L) {
          t |= 63;
        }
        continue;
      }
      int pa = state.startPositionAt(3 * t);
      int pb = state.startPositionAt(3 * t + 1);
      int pc = state.startPositionAt(3 * t + 2);
      if (pa != pb && pb != pc && pa != pc) {
        live++;
        tally(3 * t, pa, offsets);
        tally(3 * t + 1, pb, offsets);
        tally(3 * t + 2, pc, offsets);
      } else {
        dead[t >>> 6] |= 1L << t;
      }
    }
  }

  private void tally(int c, int p, int[] offsets) {
    if (owns(p)) {
      offsets[p]++;
    } else if (crossingCount < crossing.length) {
      crossing[crossingCount++] = c;
    } else {
      overflowed = true;
    }
  }

  /** Counts the listed crossing corners into {@code offsets}. */
  void countCrossing(CollapseState state, int[] offsets) {
    for (int i = 0; i < crossingCount; i++) {
      offsets[state.startPositionAt(crossing[i])]++;
    }
  }

  /**
   * Files this part's corners of its own classes, last corner first, each at {@code --offsets[p]}
   * of its class p.
   */
  void fill(CollapseState state, int[] offsets, int[] corners, long[] dead) {
    for (int t = toTriangle - 1; t >= fromTriangle; t--) {
      if ((dead[t >>> 6] & (1L << t)) == 0) {
        for (int c = 3 * t + 2; c >= 3 * t; c--) {
          int p = state.startPositionAt(c);
          if (owns(p)) {
            corners[--offsets[p]] = c;
          }
        }
      }
    }
  }

  /** Files the listed crossing corners, last first, as {@link #fill} does. */
  void fillCrossing(CollapseState state, int[] offsets, int[] corners) {
    for (int i = crossingCount - 1; i >= 0; i--) {
      int c = crossing[i];
      corners[--offsets[state.startPositionAt(c)]] = c;
    }
  }

  private boolean owns(int p) {
    if (side == Side.EVERY) {
      return true;
    }
    boolean low = (lowClasses[p >>> 6] & (1L << p)) != 0;
    return low == (side == Side.LOW);
  }
}
