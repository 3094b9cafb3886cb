package io.flowengine.bench;

/**
 * The rows of {@code BENCHMARKS.md} for {@code FakeEngineBenchmark}: starting and closing the fake
 * engine against building its templates, and 10,000 flows through it against making their outputs.
 * Stateless; the rows it adds are not thread-safe.
 */
final class FakeEngineReportRows {
  private FakeEngineReportRows() {}

  /** Adds these rows (or their not-run rows) to {@code draft}, and their reading. */
  static void add(ReportDraft draft) {
    fakeEngine(draft);
  }

  private static void fakeEngine(ReportDraft draft) {
    var start = draft.find("FakeEngineBenchmark.fake_startAndClose");
    var templates = draft.find("FakeEngineBenchmark.baseline_templates");
    if (start.isPresent() && templates.isPresent()) {
      double t = start.get().primary().nanosPerOp();
      double b = templates.get().primary().nanosPerOp();
      draft
          .table()
          .add(
              "fake engine: TestFlowEngine.withReferenceTemplates() + close",
              Units.micros(t / 1e3),
              "building its 3 templates: " + Units.micros(b / 1e3),
              Units.times(t / b),
              "well under 1 ms",
              ReportTable.verdict(t < 1e6));
    } else {
      draft
          .table()
          .notRun(
              "fake engine start + close",
              "its templates",
              "well under 1 ms",
              ReportDraft.notRunReason("FakeEngineBenchmark"));
    }
    var flows = draft.find("FakeEngineBenchmark.fake_10000flows");
    var outputs = draft.find("FakeEngineBenchmark.baseline_10000outputs");
    if (flows.isPresent() && outputs.isPresent()) {
      double t = flows.get().primary().nanosPerOp();
      double b = outputs.get().primary().nanosPerOp();
      draft
          .table()
          .add(
              "fake engine: 10,000 prompt flows to completion",
              Units.millis(t / 1e6),
              "making their 10,000 GLB outputs: " + Units.millis(b / 1e6),
              Units.times(t / b),
              "< 1 s",
              ReportTable.verdict(t < 1e9));
    } else {
      draft
          .table()
          .notRun(
              "fake engine: 10,000 flows",
              "their outputs",
              "< 1 s",
              ReportDraft.notRunReason("FakeEngineBenchmark"));
    }
  }
}
