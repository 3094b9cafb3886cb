package io.flowengine.bench;

import io.flowengine.bench.JmhResult.Score;
import java.util.List;
import java.util.Locale;

/**
 * The rows of {@code BENCHMARKS.md} for {@code SimplifyBenchmark}: the sample simplifier's speed
 * and error at each input size against meshoptimizer's, measured by hand ({@link
 * MeshoptReference}). Stateless; the rows it adds are not thread-safe.
 */
final class SimplifierReportRows {
  private SimplifierReportRows() {}

  /** Adds these rows (or their not-run rows) to {@code draft}, and their reading. */
  static void add(ReportDraft draft) {
    simplifier(draft);
  }

  private static void simplifier(ReportDraft draft) {
    List<JmhResult> runs =
        draft.results().stream()
            .filter(r -> r.benchmark().startsWith("SimplifyBenchmark."))
            .toList();
    if (runs.isEmpty()) {
      draft
          .table()
          .notRun(
              "model_optimize: simplify a bumpy sphere to 100,000 triangles",
              "meshoptimizer 1.3.0 simplify, same mesh and target (manual run)",
              "≥ 1× meshoptimizer's speed; error ≤ meshoptimizer's",
              "not run: no SimplifyBenchmark result in this file (the sample-templates module must be in the build)");
      return;
    }
    for (JmhResult run : runs) {
      String input = run.params().getOrDefault("triangles", "1000000");
      double triangles = Double.parseDouble(input);
      double perSecond = triangles / (run.primary().nanosPerOp() / 1e9);
      Score errorScore = run.secondary().get("simplify.error");
      double error = errorScore == null ? Double.NaN : errorScore.value();
      Score kept = run.secondary().get("simplify.outputTriangles");
      String name =
          String.format(
              Locale.ROOT,
              "model_optimize: simplify %,.0f triangles to %,.0f",
              triangles,
              kept == null ? Double.NaN : kept.value());
      String engine =
          Units.rate(perSecond, "triangles/s")
              + String.format(Locale.ROOT, ", error %.2e of the diagonal", error);
      String target = "≥ 1× meshoptimizer's speed; error ≤ meshoptimizer's";
      var reference = MeshoptReference.forInput(input);
      if (reference.isEmpty()) {
        draft
            .table()
            .add(
                name,
                engine,
                "— (no meshoptimizer reference for this input)",
                "—",
                target,
                ReportTable.Verdict.INFO);
        continue;
      }
      MeshoptReference m = reference.get();
      double speed = perSecond / m.trianglesPerSecond();
      draft
          .table()
          .add(
              name,
              engine,
              "meshoptimizer 1.3.0 simplify ("
                  + m.measured()
                  + "): "
                  + Units.rate(m.trianglesPerSecond(), "triangles/s")
                  + String.format(Locale.ROOT, ", error %.2e", m.error()),
              String.format(
                  Locale.ROOT, "%.2f× its speed, %.2f× its error", speed, error / m.error()),
              target,
              ReportTable.verdict(speed >= 1 && error <= m.error()));
    }
  }
}
