package io.flowengine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler that adds two kinds of secondary results to every iteration: what the benchmark
 * put in {@link SecondaryMetrics}, and the machine's one-minute load average ({@code sys.load1}),
 * so the report can say how busy the machine was while each number was taken. Values are averaged
 * across iterations and forks. Enabled by {@link BenchmarkSuite}; by hand, {@code -prof
 * io.flowengine.bench.SecondaryMetricsProfiler}.
 */
public final class SecondaryMetricsProfiler implements InternalProfiler {
  /** The label of the load-average result. */
  public static final String LOAD = "sys.load1";

  @Override
  public String getDescription() {
    return "Benchmark-measured values (latency percentiles, retained bytes) and the load average";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    SecondaryMetrics.drain(); // anything left over from set-up or an earlier iteration
  }

  @Override
  @SuppressWarnings("rawtypes") // JMH's interface declares the raw Result type
  public Collection<? extends Result> afterIteration(
      BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
    List<ScalarResult> results = new ArrayList<>();
    for (SecondaryMetrics.Metric m : SecondaryMetrics.drain()) {
      results.add(new ScalarResult(m.label(), m.value(), m.unit(), AggregationPolicy.AVG));
    }
    double load = loadAverage();
    if (load >= 0) {
      results.add(new ScalarResult(LOAD, load, "load", AggregationPolicy.AVG));
    }
    return results;
  }

  /** Returns the one-minute load average from {@code /proc/loadavg}, or -1 where there is none. */
  static double loadAverage() {
    try {
      String line = Files.readString(Path.of("/proc/loadavg"));
      return Double.parseDouble(line.substring(0, line.indexOf(' ')));
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
