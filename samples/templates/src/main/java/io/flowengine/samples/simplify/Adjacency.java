package io.flowengine.samples.simplify;

import java.util.Arrays;

/**
 * The live triangles around each position class, in compressed rows: the corners of class {@code p}
 * (triangle {@code t}'s are {@code 3t}, {@code 3t + 1} and {@code 3t + 2}) are {@code
 * corners[offsets[p]]} to {@code corners[offsets[p + 1] - 1]}, in ascending order. Rebuilt in place
 * at the start of every pass, so the arrays are allocated once; a triangle is live while its three
 * corners lie in three different classes, and one bit per input triangle remembers those found
 * dead, so that later passes skip them at the cost of reading that bit. Not thread-safe.
 */
final class Adjacency {
  final int[] offsets;
  final int[] corners;
  private final long[] dead;

  /** Allocates rows for up to {@code triangleCount} triangles over {@code classCount} classes. */
  Adjacency(int classCount, int triangleCount) {
    offsets = new int[classCount + 1];
    corners = new int[3 * triangleCount];
    dead = new long[(triangleCount + 63) >>> 6];
  }

  /**
   * Lists the live triangles of {@code state} (every triangle of the input is looked at) and
   * returns how many there are.
   */
  int rebuild(CollapseState state) {
    int classes = offsets.length - 1;
    Arrays.fill(offsets, 0);
    int triangleCount = state.source.length / 3;
    int live = 0;
    for (int t = 0; t < triangleCount; t++) {
      if ((dead[t >>> 6] & (1L << t)) != 0) {
        if (dead[t >>> 6] == -1L) {
          t |= 63;
        }
        continue;
      }
      int pa = state.startPositionAt(3 * t);
      int pb = state.startPositionAt(3 * t + 1);
      int pc = state.startPositionAt(3 * t + 2);
      if (pa != pb && pb != pc && pa != pc) {
        offsets[pa]++;
        offsets[pb]++;
        offsets[pc]++;
        live++;
      } else {
        dead[t >>> 6] |= 1L << t;
      }
    }
    // offsets[p] becomes the end of p's row; filling backwards moves it to the row's start.
    for (int p = 1; p < classes; p++) {
      offsets[p] += offsets[p - 1];
    }
    offsets[classes] = 3 * live;
    for (int t = triangleCount - 1; t >= 0; t--) {
      if ((dead[t >>> 6] & (1L << t)) == 0) {
        for (int c = 3 * t + 2; c >= 3 * t; c--) {
          corners[--offsets[state.startPositionAt(c)]] = c;
        }
      }
    }
    return live;
  }
}
