package io.flowengine.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * Collections and collection time of this JVM so far, summed over its collectors, as the platform's
 * {@link GarbageCollectorMXBean}s report them. Immutable.
 *
 * @param count collections
 * @param millis time spent collecting (for G1's young and mixed collectors, pause time)
 */
record GcTime(long count, long millis) {
  /** Returns the totals now. */
  static GcTime total() {
    long count = 0;
    long millis = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      count += Math.max(0, gc.getCollectionCount());
      millis += Math.max(0, gc.getCollectionTime());
    }
    return new GcTime(count, millis);
  }

  /** Returns what happened between {@code earlier} and this. */
  GcTime minus(GcTime earlier) {
    return new GcTime(count - earlier.count, millis - earlier.millis);
  }
}
