package io.flowengine.samples.simplify;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Sorts a pass's candidate keys on two threads: one partition around a sampled median, then each
 * side sorted at once with the other. The keys are distinct (each names its class), so the result
 * is the one order {@link Arrays#sort(long[])} gives, however the work is split. Stateless.
 */
final class CandidateSort {
  /** Below this many keys one thread sorts them all. */
  private static final int PARALLEL_FROM = 1 << 14;

  private static final int SAMPLES = 63;

  private CandidateSort() {}

  /** Sorts the first {@code count} of {@code keys} ascending. */
  static void sort(long[] keys, int count) {
    if (count < PARALLEL_FROM) {
      Arrays.sort(keys, 0, count);
      return;
    }
    long[] sample = new long[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      sample[i] = keys[(int) ((long) count * (2 * i + 1) / (2 * SAMPLES))];
    }
    Arrays.sort(sample);
    long pivot = sample[SAMPLES / 2];
    // Keys below the pivot move to the front; a swap with the front's end keeps the rest behind it.
    int below = 0;
    for (int i = 0; i < count; i++) {
      long key = keys[i];
      keys[i] = keys[below];
      keys[below] = key;
      below += key < pivot ? 1 : 0;
    }
    int split = below;
    IntStream.range(0, 2)
        .parallel()
        .forEach(part -> Arrays.sort(keys, part == 0 ? 0 : split, part == 0 ? split : count));
  }
}
