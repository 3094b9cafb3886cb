package io.flowengine.bench;

import java.util.Locale;

/**
 * The row of {@code BENCHMARKS.md} for {@code RetainedHeapBenchmark}: the heap a completed flow
 * without assets keeps in memory, and the reading of its largest parts. Stateless; the rows it adds
 * are not thread-safe.
 */
final class RetainedHeapReportRows {
  private RetainedHeapReportRows() {}

  /** Adds these rows (or their not-run rows) to {@code draft}, and their reading. */
  static void add(ReportDraft draft) {
    retainedHeap(draft);
  }

  private static void retainedHeap(ReportDraft draft) {
    String name = "retained heap per completed flow, no assets, memory";
    var run = draft.find("RetainedHeapBenchmark.runAndKeep");
    if (run.isEmpty() || !run.get().secondary().containsKey("retained.bytesPerFlow")) {
      draft.table().notRun(name, "—", "≤ 1 KiB", ReportDraft.notRunReason("RetainedHeapBenchmark"));
      return;
    }
    double bytes = run.get().secondary().get("retained.bytesPerFlow").value();
    draft
        .table()
        .add(
            name,
            String.format(Locale.ROOT, "%.0f B", bytes),
            "—",
            "—",
            "≤ 1 KiB",
            ReportTable.verdict(bytes <= 1024));
    StringBuilder top =
        new StringBuilder(
            "Retained heap per flow, largest parts (bytes per flow, from the class histograms):");
    run.get().secondary().entrySet().stream()
        .filter(e -> e.getKey().startsWith("retained.top"))
        .sorted((a, b) -> a.getKey().compareTo(b.getKey()))
        .forEach(
            e ->
                top.append(
                    String.format(
                        Locale.ROOT,
                        " `%s` %.0f;",
                        e.getKey().substring(e.getKey().indexOf('.', "retained.top".length()) + 1),
                        e.getValue().value())));
    draft.reading().add(top.substring(0, top.length() - 1) + ".");
  }
}
