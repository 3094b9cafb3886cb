package io.flowengine.bench;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A lock-free log-linear histogram of non-negative {@code long} values (nanoseconds): values below
 * 128 are counted exactly, larger ones in 64 buckets per power of two, so a reported percentile is
 * within 1.6% of the true value. Small on purpose; recording is one atomic increment. Thread-safe.
 */
public final class LatencyHistogram {
  private static final int SUB_BITS = 6;
  private static final int SUB_BUCKETS = 1 << SUB_BITS;
  private static final int EXACT = 2 * SUB_BUCKETS;

  private final AtomicLongArray counts = new AtomicLongArray(EXACT + (64 - SUB_BITS) * SUB_BUCKETS);

  /** Counts one value; negative values count as zero. */
  public void record(long value) {
    counts.incrementAndGet(indexOf(Math.max(0, value)));
  }

  /** Forgets every value. */
  public void reset() {
    for (int i = 0; i < counts.length(); i++) {
      counts.set(i, 0);
    }
  }

  /** Returns how many values were recorded. */
  public long count() {
    long total = 0;
    for (int i = 0; i < counts.length(); i++) {
      total += counts.get(i);
    }
    return total;
  }

  /**
   * Returns the value at {@code percentile} (0 to 100): the smallest bucket's upper end at or below
   * which that share of values lies; 0 if nothing was recorded.
   */
  public long percentile(double percentile) {
    if (percentile < 0 || percentile > 100) {
      throw new IllegalArgumentException("percentile must be 0 to 100: " + percentile);
    }
    long total = count();
    if (total == 0) {
      return 0;
    }
    long rank = Math.max(1, (long) Math.ceil(total * percentile / 100.0));
    long seen = 0;
    for (int i = 0; i < counts.length(); i++) {
      seen += counts.get(i);
      if (seen >= rank) {
        return upperEnd(i);
      }
    }
    return upperEnd(counts.length() - 1);
  }

  static int indexOf(long value) {
    if (value < EXACT) {
      return (int) value;
    }
    int exponent = 63 - Long.numberOfLeadingZeros(value); // >= SUB_BITS + 1
    int sub = (int) (value >>> (exponent - SUB_BITS)) & (SUB_BUCKETS - 1);
    return EXACT + (exponent - SUB_BITS - 1) * SUB_BUCKETS + sub;
  }

  static long upperEnd(int index) {
    if (index < EXACT) {
      return index;
    }
    int exponent = (index - EXACT) / SUB_BUCKETS + SUB_BITS + 1;
    int sub = (index - EXACT) % SUB_BUCKETS;
    long width = 1L << (exponent - SUB_BITS);
    return (1L << exponent) + sub * width + width - 1;
  }
}
