package io.flowengine.bench;

import java.util.Locale;

/**
 * The rows of {@code BENCHMARKS.md} for {@code ListFlowsBenchmark}: a page of 100 flows by each
 * sort key on 1M flows against 10k, in memory and on H2, and the reading of what an in-memory index
 * per key would cost a transition ({@code StateTransitionBenchmark.whatIf_indexedByState}).
 * Stateless; the rows it adds are not thread-safe.
 */
final class ListFlowsReportRows {
  private ListFlowsReportRows() {}

  /** Adds these rows (or their not-run rows) to {@code draft}, and their reading. */
  static void add(ReportDraft draft) {
    listFlows(draft);
  }

  private static void listFlows(ReportDraft draft) {
    String[] keys = {"CREATED_AT", "STATE", "PROGRESS", "STARTED_AT", "FINISHED_AT"};
    for (String storage : new String[] {"MEMORY", "H2"}) {
      for (String key : keys) {
        String name =
            "listFlows page of 100 by "
                + key.toLowerCase(Locale.ROOT)
                + ", "
                + (storage.equals("H2") ? "H2" : "memory");
        String target = "flat: 1M ≤ 5× of 10k";
        var small =
            draft.find(
                "ListFlowsBenchmark.nextPage", "storage", storage, "flows", "10000", "sortBy", key);
        var large =
            draft.find(
                "ListFlowsBenchmark.nextPage",
                "storage",
                storage,
                "flows",
                "1000000",
                "sortBy",
                key);
        if (small.isEmpty() || large.isEmpty()) {
          draft
              .table()
              .notRun(
                  name,
                  "same query on 10k flows",
                  target,
                  ReportDraft.notRunReason("ListFlowsBenchmark (" + storage + ")"));
          continue;
        }
        double ratio = large.get().primary().nanosPerOp() / small.get().primary().nanosPerOp();
        draft
            .table()
            .add(
                name,
                "1M flows: " + Units.nanos(large.get().primary().nanosPerOp()),
                "10k flows: " + Units.nanos(small.get().primary().nanosPerOp()),
                Units.times(ratio),
                target,
                ReportTable.verdict(ratio <= 5));
      }
    }
    var indexed = draft.find("StateTransitionBenchmark.whatIf_indexedByState");
    var bare = draft.find("StateTransitionBenchmark.baseline_uncontended");
    var engineTransition = draft.find("StateTransitionBenchmark.engine_uncontended");
    if (indexed.isPresent() && bare.isPresent() && engineTransition.isPresent()) {
      double extra = indexed.get().primary().nanosPerOp() - bare.get().primary().nanosPerOp();
      draft
          .reading()
          .add(
              String.format(
                  Locale.ROOT,
                  "The cost of indexing in memory, measured: a bare CAS plus the update of one skip-list index on"
                      + " (state, id) over a million flows takes %s against %s for the bare CAS, i.e. +%s per transition"
                      + " for one key. Added to the engine's %s transition that is %s of the floor, over the ≤ 3× /"
                      + " ≤ 100 ns transition target, and state, progress, startedAt and finishedAt would each need"
                      + " one: the two in-memory targets conflict, and the engine keeps the transition fast.",
                  Units.nanos(indexed.get().primary().nanosPerOp()),
                  Units.nanos(bare.get().primary().nanosPerOp()),
                  Units.nanos(extra),
                  Units.nanos(engineTransition.get().primary().nanosPerOp()),
                  Units.times(
                      (engineTransition.get().primary().nanosPerOp() + extra)
                          / bare.get().primary().nanosPerOp())));
    }
    if (draft.table().rows().stream()
        .anyMatch(
            r ->
                r.name().startsWith("listFlows")
                    && r.name().endsWith("memory")
                    && r.verdict() == ReportTable.Verdict.MISSED)) {
      draft
          .reading()
          .add(
              "listFlows in memory: `InMemoryFlowStore` keeps a skip-list index on createdAt only and scans"
                  + " every flow for the other keys (its javadoc: an index per mutable key would slow every state change,"
                  + " the hot path), so those pages grow linearly with the number of flows. Keyset paging on indexes is"
                  + " what a durable store provides; see the H2 rows.");
    }
  }
}
