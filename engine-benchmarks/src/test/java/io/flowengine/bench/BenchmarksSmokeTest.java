package io.flowengine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark once, in this JVM, with the smallest parameters and one short measurement,
 * and renders a report from the result: it checks that each benchmark and its baseline run and that
 * the report finds their results, never what the numbers are.
 */
class BenchmarksSmokeTest {
  private static final Path RESULT = Path.of("target/smoke/jmh-result.json");
  private static Collection<RunResult> runs;

  @BeforeAll
  static void runAllOnce() throws Exception {
    System.setProperty("flowengine.bench.calibrationMillis", "100");
    Files.createDirectories(RESULT.getParent());
    runs =
        new Runner(
                new OptionsBuilder()
                    .include("io\\.flowengine\\..*Benchmark\\..*")
                    .forks(0)
                    .warmupIterations(0)
                    .measurementIterations(1)
                    .measurementTime(TimeValue.milliseconds(100))
                    .param("flows", "10000")
                    .param("size", "1024")
                    .param("triangles", "20000")
                    .param("durability", "EVERY_COMMIT")
                    .addProfiler(SecondaryMetricsProfiler.class)
                    .resultFormat(ResultFormatType.JSON)
                    .result(RESULT.toString())
                    .shouldFailOnError(true)
                    .build())
            .run();
  }

  @Test
  void everyBenchmarkRanOnce() {
    List<String> names =
        runs.stream()
            .map(r -> r.getParams().getBenchmark().replaceAll(".*\\.(\\w+\\.\\w+)$", "$1"))
            .toList();
    assertThat(names)
        .contains(
            "StateTransitionBenchmark.engine_uncontended",
            "StateTransitionBenchmark.baseline_contended",
            "FlowLifecycleBenchmark.engine",
            "FlowLifecycleBenchmark.baseline",
            "FlowLatencyBenchmark.sendOnSchedule",
            "GetFlowBenchmark.engine",
            "GetFlowBenchmark.baseline",
            "AssetRoundTripBenchmark.engine_bytes",
            "AssetRoundTripBenchmark.dataUriDecode",
            "AssetRoundTripBenchmark.baseline_copy",
            "ListFlowsBenchmark.nextPage",
            "RetainedHeapBenchmark.runAndKeep",
            "FakeEngineBenchmark.fake_10000flows",
            "FakeEngineBenchmark.baseline_templates",
            "StateTransitionBenchmark.whatIf_indexedByState",
            "FlowLifecycleH2Benchmark.engine",
            "FlowLifecycleH2Benchmark.baseline_jdbc",
            "GroupCommitH2Benchmark.engine_1sender",
            "GroupCommitH2Benchmark.engine_8senders",
            "GroupCommitH2Benchmark.engine_createFlows",
            "GroupCommitH2Benchmark.baseline_jdbcLifecycle",
            "GroupCommitH2Benchmark.baseline_jdbcInsert",
            "SimplifyBenchmark.simplify",
            "PostgresLifecycleBenchmark.engine_1sender",
            "PostgresLifecycleBenchmark.engine_8senders",
            "PostgresLifecycleBenchmark.cluster3_8senders",
            "PostgresLifecycleBenchmark.baseline_jdbcLifecycle",
            "PostgresLifecycleBenchmark.baseline_commit",
            "PostgresLatencyBenchmark.sendOnSchedule");
    assertThat(
            runs.stream()
                .filter(r -> r.getParams().getParam("storage") != null)
                .map(r -> r.getParams().getParam("storage"))
                .distinct())
        .containsExactlyInAnyOrder("MEMORY", "H2");
    assertThat(runs).allSatisfy(r -> assertThat(r.getPrimaryResult().getScore()).isPositive());
  }

  @Test
  void measuredValuesReachTheResultFile() throws Exception {
    List<JmhResult> results = JmhResult.read(RESULT);
    Map<String, JmhResult.Score> latency =
        results.stream()
            .filter(r -> r.benchmark().equals("FlowLatencyBenchmark.sendOnSchedule"))
            .findFirst()
            .orElseThrow()
            .secondary();
    assertThat(latency).containsKeys("latency.p50", "latency.p99", "latency.targetRate");
    assertThat(
            results.stream()
                .filter(r -> r.benchmark().equals("RetainedHeapBenchmark.runAndKeep"))
                .findFirst()
                .orElseThrow()
                .secondary())
        .containsKey("retained.bytesPerFlow");
  }

  @Test
  void reportRendersEveryRow() throws Exception {
    String markdown =
        BenchmarksReport.render(JmhResult.read(RESULT), MachineInfo.describe(), RESULT);
    assertThat(markdown)
        .contains(
            "| state transition, uncontended |",
            "flow lifecycle in memory",
            "flow lifecycle on an H2 file",
            "p99",
            "retained heap per completed flow",
            "fake engine: 10,000 prompt flows",
            "triangles/s",
            "PostgreSQL, one node, 8 senders",
            "PostgreSQL flushed commits",
            "node shares",
            "PostgreSQL claim latency",
            "## Reading")
        .doesNotContain("NaN");
  }
}
