package io.flowengine.bench;

import io.flowengine.FlowEngine;
import io.flowengine.FlowListener;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Flow lifecycle throughput in memory: create, start, one no-op step on its virtual thread,
 * completed; batches of {@value #BATCH} flows are started and then awaited, so flows overlap as
 * they would under load. The floor is the same no-op submitted to a virtual-thread-per-task
 * executor and awaited: the thread hand-off that any engine running steps on virtual threads pays.
 * Finished flows are purged between invocations (not timed) so the heap stays flat.
 *
 * <p>Run: {@code ./mvnw -B -pl engine-benchmarks -am verify -DskipTests -Dbench=full
 * -Dbench.include=FlowLifecycleBenchmark}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class FlowLifecycleBenchmark {
  /** Flows per invocation. */
  static final int BATCH = 1000;

  private FlowEngine engine;
  private FlowEngine listened;
  private ExecutorService executor;

  /** Starts an in-memory engine, one with a listener, and the baseline's executor. */
  @Setup
  public void setUp() {
    engine = FlowEngine.builder().template(NoopFlows.template()).build();
    listened =
        FlowEngine.builder().template(NoopFlows.template()).listener(new FlowListener() {}).build();
    executor = Executors.newVirtualThreadPerTaskExecutor();
  }

  /** Deletes the flows the last invocation completed. */
  @TearDown(Level.Invocation)
  public void purge() {
    engine.purgeFinishedFlows(Duration.ZERO);
    listened.purgeFinishedFlows(Duration.ZERO);
  }

  /** Closes the engines and the executor. */
  @TearDown
  public void tearDown() {
    engine.close();
    listened.close();
    executor.close();
  }

  /** Flows per second through the engine. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void engine() {
    NoopFlows.runBatch(engine, BATCH);
  }

  /**
   * Flows per second through an engine with one (empty) listener: each change then takes its place
   * in the flow's ordered delivery.
   */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void engineWithListener() {
    NoopFlows.runBatch(listened, BATCH);
  }

  /** No-ops per second through a virtual-thread executor. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void baseline() throws Exception {
    NoopFlows.runBaselineBatch(executor, BATCH);
  }
}
