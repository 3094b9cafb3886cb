package io.flowengine.testing;

import io.flowengine.Flow;
import io.flowengine.FlowEngine;
import io.flowengine.FlowState;
import io.flowengine.NewAsset;
import io.flowengine.NewFlow;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The two claims {@link TestFlowEngine} makes for host applications' unit tests, measured:
 *
 * <ul>
 *   <li>{@code fake_startAndClose}: "a new fake engine starts in well under a millisecond": {@link
 *       TestFlowEngine#withReferenceTemplates()} then {@code close()}. Floor: building the three
 *       {@link ReferenceTemplates}, which any such fake must do.
 *   <li>{@code fake_10000flows}: "10,000 flows through the fake take under a second": a new fake
 *       and 10,000 {@code model_generate_fromprompt} flows with a text prompt, each finished (with
 *       its GLB output) when {@code createFlow} returns. Floor: making the 10,000 GLB outputs
 *       ({@link TinyGlb#triangle}) the flows produce.
 * </ul>
 *
 * <p>It lives in {@code io.flowengine.testing} because {@code TinyGlb} is package-private.
 *
 * <p>Run: {@code ./mvnw -B -pl engine-benchmarks -am verify -DskipTests -Dbench=full
 * -Dbench.include=FakeEngineBenchmark}
 */
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FakeEngineBenchmark {
  /** How many flows {@link #fake_10000flows} runs. */
  public static final int FLOWS = 10_000;

  private static final NewFlow PROMPT_FLOW =
      NewFlow.builder(ReferenceTemplates.FROM_PROMPT).input(NewAsset.text("a red cube")).build();

  /** Creates and closes a fake with the reference templates. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public FlowEngine fake_startAndClose() {
    try (TestFlowEngine fake = TestFlowEngine.withReferenceTemplates()) {
      return fake.engine();
    }
  }

  /** The floor of starting a fake: its three templates. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Object baseline_templates() {
    return ReferenceTemplates.all();
  }

  /** A new fake running 10,000 prompt flows to completion. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public void fake_10000flows(Blackhole bh) {
    try (TestFlowEngine fake = TestFlowEngine.withReferenceTemplates()) {
      FlowEngine engine = fake.engine();
      String last = engine.createFlow(PROMPT_FLOW).id();
      for (int i = 1; i < FLOWS; i++) {
        last = engine.createFlow(PROMPT_FLOW).id();
      }
      Flow flow = engine.getFlow(last);
      if (flow.state() != FlowState.COMPLETED) {
        throw new IllegalStateException("flow " + flow.id() + " is " + flow.state());
      }
      bh.consume(flow);
    }
  }

  /** The floor of 10,000 flows: their 10,000 outputs. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public void baseline_10000outputs(Blackhole bh) {
    for (int i = 0; i < FLOWS; i++) {
      bh.consume(TinyGlb.triangle(i));
    }
  }
}
