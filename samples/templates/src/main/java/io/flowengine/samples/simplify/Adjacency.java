package io.flowengine.samples.simplify;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The live triangles around each position class, in compressed rows: the corners of class {@code p}
 * (triangle {@code t}'s are {@code 3t}, {@code 3t + 1} and {@code 3t + 2}) are {@code
 * corners[offsets[p]]} to {@code corners[offsets[p + 1] - 1]}, in ascending order. Rebuilt in place
 * at the start of every pass, so the arrays are allocated once; a triangle is live while its three
 * corners lie in three different classes, and one bit per input triangle remembers those found
 * dead, so that later passes skip them at the cost of reading that bit.
 *
 * <p>Two threads rebuild the rows at once ({@link AdjacencyPart}): each takes half of the triangles
 * and the classes that half met first (marked low or not, once), so each counts and files its own
 * rows; the corners that fall in the other half's classes are filed by one thread around that, in
 * the order that keeps every row ascending. The rows are the same as one thread builds; if a mesh's
 * order sends too many corners across, every later rebuild runs on one thread. Not thread-safe.
 */
final class Adjacency {
  final int[] offsets;
  final int[] corners;
  private final long[] dead;
  private final long[] lowClasses;
  private final int split;
  private final AdjacencyPart whole;
  private final AdjacencyPart[] halves;
  private boolean marked;
  private boolean serial;

  /** Allocates rows for up to {@code triangleCount} triangles over {@code classCount} classes. */
  Adjacency(int classCount, int triangleCount) {
    offsets = new int[classCount + 1];
    corners = new int[3 * triangleCount];
    dead = new long[(triangleCount + 63) >>> 6];
    lowClasses = new long[(classCount + 63) >>> 6];
    split = (triangleCount / 2) & ~63;
    int capacity = Math.max(4096, triangleCount / 32);
    whole = new AdjacencyPart(0, triangleCount, lowClasses, AdjacencyPart.Side.EVERY, 0);
    halves =
        new AdjacencyPart[] {
          new AdjacencyPart(0, split, lowClasses, AdjacencyPart.Side.LOW, capacity),
          new AdjacencyPart(split, triangleCount, lowClasses, AdjacencyPart.Side.HIGH, capacity)
        };
  }

  /**
   * Lists the live triangles of {@code state} (every triangle of the input is looked at) and
   * returns how many there are.
   */
  int rebuild(CollapseState state) {
    if (!marked) {
      markLowClasses(state);
      marked = true;
    }
    Arrays.fill(offsets, 0);
    if (!serial) {
      IntStream.range(0, 2).parallel().forEach(h -> halves[h].count(state, offsets, dead));
      if (!halves[0].overflowed && !halves[1].overflowed) {
        halves[0].countCrossing(state, offsets);
        halves[1].countCrossing(state, offsets);
        int live = halves[0].live + halves[1].live;
        toRowEnds(live);
        // Rows fill from their ends: the high half's corners in low rows are the last of them.
        halves[1].fillCrossing(state, offsets, corners);
        IntStream.range(0, 2)
            .parallel()
            .forEach(h -> halves[h].fill(state, offsets, corners, dead));
        halves[0].fillCrossing(state, offsets, corners);
        return live;
      }
      serial = true;
      Arrays.fill(offsets, 0);
    }
    whole.count(state, offsets, dead);
    toRowEnds(whole.live);
    whole.fill(state, offsets, corners, dead);
    return whole.live;
  }

  /** Marks the classes that the low half of the triangles meets. */
  private void markLowClasses(CollapseState state) {
    for (int c = 0; c < 3 * split; c++) {
      int p = state.startPositionAt(c);
      lowClasses[p >>> 6] |= 1L << p;
    }
  }

  /** Turns the counts in {@code offsets} into the end of each class's row. */
  private void toRowEnds(int live) {
    int classes = offsets.length - 1;
    for (int p = 1; p < classes; p++) {
      offsets[p] += offsets[p - 1];
    }
    offsets[classes] = 3 * live;
  }
}
