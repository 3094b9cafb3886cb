package io.flowengine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code BENCHMARKS.md} from a JMH JSON result file (and the machine description {@link
 * BenchmarkSuite} left beside it): the commands, the machine, one table row per claim with the
 * engine's value, its baseline from the same run, the ratio and whether the target is met, and a
 * reading generated from the same numbers. Nothing in the output is typed by hand; a claim with no
 * result in the file is listed as not run. The rows come from the {@code *ReportRows} classes, one
 * per group of benchmarks. Stateless: each call renders a report of its own.
 *
 * <p>Regenerate from an existing file: {@code ./mvnw -B -pl engine-benchmarks -am verify
 * -DskipTests -Dbench.report=engine-benchmarks/target/jmh-result-full.json}
 */
public final class BenchmarksReport {
  static final String QUICK =
      "./mvnw -B -pl engine-benchmarks -am verify -DskipTests -Dbench=quick";
  static final String FULL = "./mvnw -B -pl engine-benchmarks -am verify -DskipTests -Dbench=full";

  private BenchmarksReport() {}

  /** Writes {@code args[1]} (BENCHMARKS.md) from the JMH result file {@code args[0]}. */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: BenchmarksReport <jmh-result.json> <BENCHMARKS.md>");
      System.exit(2);
    }
    write(Path.of(args[0]).toAbsolutePath(), Path.of(args[1]).toAbsolutePath().normalize());
  }

  /** Reads {@code resultFile} and writes the report to {@code markdown}. */
  public static void write(Path resultFile, Path markdown) throws IOException {
    Path sidecar = MachineInfo.sidecar(resultFile);
    Map<String, String> machine =
        Files.exists(sidecar) ? MachineInfo.read(sidecar) : MachineInfo.describe();
    if (!Files.exists(sidecar)) {
      machine.put(
          "note",
          "no machine file beside the result; this describes the machine that wrote the report");
    }
    Path root = markdown.getParent() != null ? markdown.getParent() : Path.of(".");
    Path shown = root.relativize(resultFile);
    String report = render(JmhResult.read(resultFile), machine, shown);
    Files.writeString(markdown, report + ReportPage.loadCheck(root));
  }

  /** Returns the markdown of the report. */
  static String render(List<JmhResult> results, Map<String, String> machine, Path source) {
    ReportDraft draft = new ReportDraft(results);
    LifecycleReportRows.add(draft);
    PostgresReportRows.add(results, draft.table(), draft.reading());
    LatencyReportRows.add(draft);
    AssetReportRows.add(draft);
    ListFlowsReportRows.add(draft);
    RetainedHeapReportRows.add(draft);
    FakeEngineReportRows.add(draft);
    SimplifierReportRows.add(draft);
    return ReportPage.markdown(source, machine, results, draft.table(), draft.reading());
  }
}
