package io.flowengine.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Values a benchmark measures itself (latency percentiles, retained bytes) and hands to JMH as
 * secondary results of the current iteration, through {@link SecondaryMetricsProfiler}. JMH's own
 * result types cannot carry them: a percentile of an open-loop run is not a time per operation.
 * Thread-safe.
 */
public final class SecondaryMetrics {
  /** One measured value. */
  record Metric(String label, double value, String unit) {}

  private static final List<Metric> pending = new ArrayList<>();

  private SecondaryMetrics() {}

  /** Records {@code value} under {@code label} for the iteration that is ending. */
  public static synchronized void record(String label, double value, String unit) {
    pending.removeIf(m -> m.label().equals(label));
    pending.add(new Metric(label, value, unit));
  }

  /** Returns and forgets the values recorded since the last call. */
  static synchronized List<Metric> drain() {
    List<Metric> drained = List.copyOf(pending);
    pending.clear();
    return drained;
  }
}
