package io.flowengine.bench;

import io.flowengine.Flow;
import io.flowengine.FlowEngine;
import io.flowengine.FlowListener;
import io.flowengine.FlowState;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency from create to completed at half the maximum throughput, open loop. Set-up first measures
 * the maximum lifecycle throughput in this JVM ({@link NoopFlows#runBatch}, after a warm-up, on an
 * engine used only for that); each iteration then starts a fresh engine and each invocation sends
 * one flow at its scheduled time, {@code 2 / max} seconds apart, whether or not earlier flows have
 * finished. A listener records, for each flow, the time from its <em>scheduled</em> send to its
 * completion, so a late sender counts against the engine (no coordinated omission). The primary
 * score is the rate actually sent; the percentiles ({@code latency.p50}, {@code latency.p99},
 * {@code latency.max}, microseconds) and the target rate are secondary results via {@link
 * SecondaryMetricsProfiler}. So are the percentiles from the actual {@code createFlow} call ({@code
 * latency.fromCall.*}), which leave out how late the sender was, and the time the JVM spent in
 * garbage collection during the iteration ({@code latency.gcMillis}, {@code latency.gcCount}).
 *
 * <p>Run: {@code ./mvnw -B -pl engine-benchmarks -am verify -DskipTests -Dbench=full
 * -Dbench.include=FlowLatencyBenchmark}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class FlowLatencyBenchmark {
  /** How long set-up measures the maximum throughput, twice (warm-up, then measurement). */
  private static final Duration CALIBRATION =
      Duration.ofMillis(Long.getLong("flowengine.bench.calibrationMillis", 2000));

  /** Which storage the engine keeps flows in. */
  @Param({"MEMORY", "H2"})
  public BenchStorage storage;

  /** When a flow was due to be sent, and when {@code createFlow} was actually called. */
  private record Sent(long scheduled, long called) {}

  private final LatencyHistogram fromSchedule = new LatencyHistogram();
  private final LatencyHistogram fromCall = new LatencyHistogram();
  private final ConcurrentHashMap<String, Sent> inFlight = new ConcurrentHashMap<>();
  private FlowEngine engine;
  private long intervalNanos;
  private double targetRate;
  private long start;
  private long sent;
  private GcTime gcAtStart;

  /**
   * Measures the maximum throughput on an engine of its own, then discards it: each iteration gets
   * a fresh engine, so no iteration inherits the flows (and the purge) of another.
   */
  @Setup
  public void setUp() {
    try (FlowEngine calibration =
        FlowEngine.builder()
            .storage(storage.open())
            .template(NoopFlows.template())
            .listener(recorder())
            .build()) {
      maxThroughput(calibration); // warm-up
      targetRate = maxThroughput(calibration) / 2;
    }
    intervalNanos = Math.max(1, (long) (1e9 / targetRate));
  }

  private FlowListener recorder() {
    return new FlowListener() {
      @Override
      public void onStateChange(@Nullable Flow previous, Flow current) {
        if (current.state() == FlowState.COMPLETED) {
          Sent sent = inFlight.remove(current.id());
          if (sent != null) {
            long now = System.nanoTime();
            fromSchedule.record(now - sent.scheduled());
            fromCall.record(now - sent.called());
          }
        }
      }
    };
  }

  private static double maxThroughput(FlowEngine engine) {
    int batch = 1000;
    long flows = 0;
    long begin = System.nanoTime();
    long end = begin + CALIBRATION.toNanos();
    long now;
    do {
      NoopFlows.runBatch(engine, batch);
      flows += batch;
      engine.purgeFinishedFlows(Duration.ZERO);
      now = System.nanoTime();
    } while (now < end);
    return flows * 1e9 / (now - begin);
  }

  /** Starts this iteration's engine and its schedule. */
  @Setup(Level.Iteration)
  public void startSchedule() {
    engine =
        FlowEngine.builder()
            .storage(storage.open())
            .template(NoopFlows.template())
            .listener(recorder())
            .build();
    fromSchedule.reset();
    fromCall.reset();
    gcAtStart = GcTime.total();
    sent = 0;
    start = System.nanoTime();
  }

  /** Waits for the flows still running, reports the iteration's percentiles, closes the engine. */
  @TearDown(Level.Iteration)
  public void report() throws InterruptedException {
    CompletableFuture<?>[] finishing =
        inFlight.keySet().stream().map(engine::awaitFlow).toArray(CompletableFuture<?>[]::new);
    try {
      CompletableFuture.allOf(finishing).get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // the flows still in flight are reported below as latency.unfinished
    }
    SecondaryMetrics.record("latency.p50", fromSchedule.percentile(50) / 1e3, "us");
    SecondaryMetrics.record("latency.p99", fromSchedule.percentile(99) / 1e3, "us");
    SecondaryMetrics.record("latency.max", fromSchedule.percentile(100) / 1e3, "us");
    SecondaryMetrics.record("latency.fromCall.p50", fromCall.percentile(50) / 1e3, "us");
    SecondaryMetrics.record("latency.fromCall.p99", fromCall.percentile(99) / 1e3, "us");
    SecondaryMetrics.record("latency.targetRate", targetRate, "flows/s");
    SecondaryMetrics.record("latency.iterationSeconds", (System.nanoTime() - start) / 1e9, "s");
    GcTime gc = GcTime.total().minus(gcAtStart);
    SecondaryMetrics.record("latency.gcMillis", (double) gc.millis(), "ms");
    SecondaryMetrics.record("latency.gcCount", (double) gc.count(), "#");
    SecondaryMetrics.record("latency.unfinished", inFlight.size(), "flows");
    inFlight.clear();
    engine.close();
  }

  /** Sends the next flow at its scheduled time. */
  @Benchmark
  public void sendOnSchedule() {
    long scheduled = start + sent * intervalNanos;
    sent++;
    long wait;
    while ((wait = scheduled - System.nanoTime()) > 0) {
      if (wait > 50_000) {
        LockSupport.parkNanos(wait - 40_000);
      } else {
        Thread.onSpinWait();
      }
    }
    long called = System.nanoTime();
    String id = engine.createFlow(NoopFlows.REQUEST).id();
    inFlight.put(id, new Sent(scheduled, called));
    engine.startFlow(id);
  }
}
