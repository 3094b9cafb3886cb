package io.flowengine.bench;

import io.flowengine.FlowEngine;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 * Retained heap per completed flow without assets, in memory. Each iteration starts a fresh engine,
 * runs a warm-up batch and purges it (so lazily built structures exist), takes a class histogram of
 * the live heap ({@link HeapHistogram}: a full GC, then exact shallow sizes of every live object),
 * runs {@code flows} no-op flows to completion, and takes another. The growth divided by {@code
 * flows} is the heap a completed flow keeps: its record, snapshot fields, index entries and map
 * nodes. Reported as the secondary result {@code retained.bytesPerFlow}, with the five classes that
 * grew most ({@code retained.top1..5}, bytes per flow; their names are in the JMH log). The primary
 * score is the time to run the flows.
 *
 * <p>Run: {@code ./mvnw -B -pl engine-benchmarks -am verify -DskipTests -Dbench=full
 * -Dbench.include=RetainedHeapBenchmark}
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx2g"})
@State(Scope.Benchmark)
public class RetainedHeapBenchmark {
  /** How many flows are kept. */
  @Param("100000")
  public int flows;

  private FlowEngine engine;
  private HeapHistogram before;

  /** Starts an engine, warms it up and takes the first histogram. */
  @Setup(Level.Iteration)
  public void setUp() {
    engine = FlowEngine.builder().template(NoopFlows.template()).build();
    NoopFlows.runBatch(engine, 1000);
    engine.purgeFinishedFlows(Duration.ZERO);
    before = HeapHistogram.take();
  }

  /** Measures what the completed flows retain, then closes the engine. */
  @TearDown(Level.Iteration)
  public void measure() {
    HeapHistogram after = HeapHistogram.take();
    SecondaryMetrics.record(
        "retained.bytesPerFlow", (after.totalBytes() - before.totalBytes()) / (double) flows, "B");
    var top =
        before.growthTo(after).entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
            .limit(5)
            .toList();
    for (int i = 0; i < top.size(); i++) {
      SecondaryMetrics.record(
          "retained.top" + (i + 1) + "." + readable(top.get(i).getKey()),
          top.get(i).getValue() / (double) flows,
          "B");
    }
    engine.close();
  }

  /**
   * Turns a JVM class name such as {@code [B} or {@code [Ljava.lang.Object;} into {@code
   * byte_array} or {@code java.lang.Object_array}: JMH's JSON writer breaks a label at a bracket.
   */
  static String readable(String className) {
    int dims = 0;
    while (dims < className.length() && className.charAt(dims) == '[') {
      dims++;
    }
    if (dims == 0) {
      return className;
    }
    String element = className.substring(dims);
    String base =
        switch (element) {
          case "B" -> "byte";
          case "C" -> "char";
          case "I" -> "int";
          case "J" -> "long";
          case "S" -> "short";
          case "Z" -> "boolean";
          case "F" -> "float";
          case "D" -> "double";
          default ->
              element.startsWith("L") && element.endsWith(";")
                  ? element.substring(1, element.length() - 1)
                  : element;
        };
    return base + "_array".repeat(dims);
  }

  /** Runs {@code flows} flows to completion and keeps them. */
  @Benchmark
  public void runAndKeep() {
    for (int done = 0; done < flows; done += 1000) {
      NoopFlows.runBatch(engine, Math.min(1000, flows - done));
    }
  }
}
