package io.flowengine.postgres;

import io.flowengine.FlowEngine;
import io.flowengine.Template;
import io.flowengine.bench.LatencyHistogram;
import io.flowengine.bench.NoopFlows;
import io.flowengine.bench.SecondaryMetrics;
import io.flowengine.postgres.harness.TestDatabase;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Claim latency on PostgreSQL (one node, {@code synchronous_commit} on): the time from a flow's
 * {@code createdAt} to its step starting, at half the maximum rate, open loop from {@value
 * #SENDERS} senders. Set-up first measures the maximum lifecycle rate from {@value #SENDERS}
 * senders; each sender then sends one flow per invocation on its own schedule, {@value #SENDERS}
 * over the target rate apart, whether or not earlier flows finished. The step records the latency
 * (wall clock, microseconds as the store keeps them); {@code claim.p50}, {@code claim.p99}, {@code
 * claim.max} (microseconds) and {@code claim.targetRate} are secondary results.
 *
 * <p>Run: {@code ./mvnw -B -pl engine-benchmarks -am verify -DskipTests -Dbench=full
 * -Dbench.include=PostgresLatencyBenchmark}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class PostgresLatencyBenchmark {
  /** Sender threads, each on its own schedule. */
  static final int SENDERS = 8;

  private static final Duration CALIBRATION =
      Duration.ofMillis(Long.getLong("flowengine.bench.calibrationMillis", 2000));

  private final LatencyHistogram claim = new LatencyHistogram();
  private TestDatabase database;
  private FlowEngine engine;
  private long intervalNanos;
  private double targetRate;
  private volatile long start;

  /** One sender's schedule, restarted with each iteration. */
  @State(Scope.Thread)
  public static class Schedule {
    long sent;

    /** Starts the schedule over. */
    @Setup(Level.Iteration)
    public void restart() {
      sent = 0;
    }
  }

  /** Opens the engine on a fresh database and measures its maximum rate. */
  @Setup
  public void setUp() throws Exception {
    database = BenchPostgres.newDatabase("latency");
    Template template =
        Template.builder(NoopFlows.TEMPLATE)
            .description("one no-op step that records its claim latency")
            .inputTypes("text/plain")
            .step(
                context -> {
                  Duration waited = Duration.between(context.flow().createdAt(), Instant.now());
                  claim.record(Math.max(0, waited.toNanos()));
                })
            .build();
    engine =
        FlowEngine.builder()
            .storage(BenchPostgres.storage(database, "node-1", false))
            .template(template)
            .build();
    maxRate(); // warm-up
    targetRate = maxRate() / 2;
    intervalNanos = Math.max(1, (long) (1e9 * SENDERS / targetRate));
  }

  private double maxRate() throws Exception {
    long begin = System.nanoTime();
    long end = begin + CALIBRATION.toNanos();
    List<CompletableFuture<Long>> senders = new ArrayList<>();
    for (int i = 0; i < SENDERS; i++) {
      senders.add(
          CompletableFuture.supplyAsync(
              () -> {
                long flows = 0;
                do {
                  NodeCountingFlows.runBatch(engine, 50);
                  flows += 50;
                } while (System.nanoTime() < end);
                return flows;
              }));
    }
    long flows = 0;
    for (CompletableFuture<Long> sender : senders) {
      flows += sender.get(5, TimeUnit.MINUTES);
    }
    double rate = flows * 1e9 / (System.nanoTime() - begin);
    engine.purgeFinishedFlows(Duration.ZERO);
    return rate;
  }

  /** Resets the histogram and the schedules' start. */
  @Setup(Level.Iteration)
  public void startSchedule() {
    claim.reset();
    start = System.nanoTime();
  }

  /** Reports the iteration's percentiles and purges its flows. */
  @TearDown(Level.Iteration)
  public void report() {
    SecondaryMetrics.record("claim.p50", claim.percentile(50) / 1e3, "us");
    SecondaryMetrics.record("claim.p99", claim.percentile(99) / 1e3, "us");
    SecondaryMetrics.record("claim.max", claim.percentile(100) / 1e3, "us");
    SecondaryMetrics.record("claim.targetRate", targetRate, "flows/s");
    engine.purgeFinishedFlows(Duration.ZERO);
  }

  /** Closes the engine and drops the database. */
  @TearDown
  public void tearDown() throws SQLException {
    engine.close();
    BenchPostgres.drop(database);
  }

  /** Sends this sender's next flow at its scheduled time; the rate sent is the score. */
  @Benchmark
  @Threads(SENDERS)
  public void sendOnSchedule(Schedule schedule) {
    long scheduled = start + schedule.sent * intervalNanos;
    schedule.sent++;
    long wait;
    while ((wait = scheduled - System.nanoTime()) > 0) {
      LockSupport.parkNanos(wait);
    }
    engine.startFlow(engine.createFlow(NoopFlows.REQUEST).id());
  }
}
