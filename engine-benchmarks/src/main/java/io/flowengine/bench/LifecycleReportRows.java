package io.flowengine.bench;

import java.util.Locale;

/**
 * The rows of {@code BENCHMARKS.md} for the engine's throughput: a state transition against a bare
 * CAS, uncontended and contended ({@code StateTransitionBenchmark}), a flow's lifecycle in memory
 * and on an H2 file against their floors ({@code FlowLifecycleBenchmark}, {@code
 * FlowLifecycleH2Benchmark}), and the H2 group commit against batched plain JDBC ({@code
 * GroupCommitH2Benchmark}). Stateless; the rows it adds are not thread-safe.
 */
final class LifecycleReportRows {
  private LifecycleReportRows() {}

  /** Adds these rows (or their not-run rows) to {@code draft}, and their reading. */
  static void add(ReportDraft draft) {
    transitions(draft);
    lifecycle(draft);
    groupCommit(draft);
  }

  private static void transitions(ReportDraft draft) {
    for (String variant : new String[] {"uncontended", "contended"}) {
      String name =
          "state transition, "
              + (variant.equals("uncontended") ? "uncontended" : "2 threads contending");
      String target = variant.equals("uncontended") ? "≤ 3×; ≤ 100 ns" : "≤ 3×";
      var engine = draft.find("StateTransitionBenchmark.engine_" + variant);
      var base = draft.find("StateTransitionBenchmark.baseline_" + variant);
      if (engine.isEmpty() || base.isEmpty()) {
        draft
            .table()
            .notRun(
                name,
                "AtomicReference CAS",
                target,
                ReportDraft.notRunReason("StateTransitionBenchmark"));
        continue;
      }
      double ns = engine.get().primary().nanosPerOp();
      double baseNs = base.get().primary().nanosPerOp();
      double ratio = ns / baseNs;
      boolean ok = ratio <= 3 && (variant.equals("contended") || ns <= 100);
      draft
          .table()
          .add(
              name,
              Units.nanos(ns),
              "bare AtomicReference CAS of a new record: " + Units.nanos(baseNs),
              Units.times(ratio),
              target,
              ReportTable.verdict(ok));
    }
  }

  private static void lifecycle(ReportDraft draft) {
    lifecycleRow(
        draft,
        "flow lifecycle in memory (create → start → no-op step → completed)",
        "FlowLifecycleBenchmark",
        "baseline",
        "same no-op on a virtual-thread executor",
        100_000,
        4);
    lifecycleRow(
        draft,
        "flow lifecycle on an H2 file",
        "FlowLifecycleH2Benchmark",
        "baseline_jdbc",
        "plain JDBC, same inserts/updates, same schema",
        10_000,
        2);
  }

  private static void lifecycleRow(
      ReportDraft draft,
      String name,
      String clazz,
      String baseline,
      String baseText,
      double minRate,
      double maxRatio) {
    String target = String.format(Locale.ROOT, "≥ %,.0f flows/s; ≤ %.0f×", minRate, maxRatio);
    var engine = draft.find(clazz + ".engine");
    var base = draft.find(clazz + "." + baseline);
    if (engine.isEmpty() || base.isEmpty()) {
      draft.table().notRun(name, baseText, target, ReportDraft.notRunReason(clazz));
      return;
    }
    double rate = engine.get().primary().opsPerSecond();
    double baseRate = base.get().primary().opsPerSecond();
    double ratio = baseRate / rate;
    draft
        .table()
        .add(
            name,
            Units.rate(rate, "flows/s"),
            baseText + ": " + Units.rate(baseRate, "/s"),
            Units.times(ratio),
            target,
            ReportTable.verdict(rate >= minRate && ratio <= maxRatio));
    if (rate < minRate && baseRate < minRate * maxRatio) {
      draft
          .reading()
          .add(
              String.format(
                  Locale.ROOT,
                  "%s: the floor itself runs %s; at the ratio target (%.0f×) the best reachable is %s, %s the %s target.",
                  name,
                  Units.rate(baseRate, "/s"),
                  maxRatio,
                  Units.rate(baseRate / maxRatio, "flows/s"),
                  baseRate / maxRatio < minRate ? "below" : "above",
                  Units.rate(minRate, "flows/s")));
    }
  }

  private static void groupCommit(ReportDraft draft) {
    groupCommitRow(
        draft,
        "H2 `EVERY_COMMIT`, 8 senders (createFlow + startFlow → completed)",
        "engine_8senders",
        "EVERY_COMMIT",
        "baseline_jdbcLifecycle",
        12_000,
        1.5);
    groupCommitRow(
        draft,
        "H2 `EVERY_COMMIT`, 1 sender (createFlow + startFlow → completed)",
        "engine_1sender",
        "EVERY_COMMIT",
        "baseline_jdbcLifecycle",
        3_000,
        Double.NaN);
    groupCommitRow(
        draft,
        "H2 `WRITE_DELAYED`, 8 senders (createFlow + startFlow → completed)",
        "engine_8senders",
        "WRITE_DELAYED",
        "baseline_jdbcLifecycle",
        20_000,
        Double.NaN);
    groupCommitRow(
        draft,
        "H2 `WRITE_DELAYED`, 1 sender (createFlow + startFlow → completed)",
        "engine_1sender",
        "WRITE_DELAYED",
        "baseline_jdbcLifecycle",
        Double.NaN,
        Double.NaN);
    groupCommitRow(
        draft,
        "createFlows of 1,000, H2 `EVERY_COMMIT`",
        "engine_createFlows",
        "EVERY_COMMIT",
        "baseline_jdbcInsert",
        20_000,
        Double.NaN);
  }

  private static void groupCommitRow(
      ReportDraft draft,
      String name,
      String method,
      String durability,
      String baseline,
      double minRate,
      double maxRatio) {
    String clazz = "GroupCommitH2Benchmark";
    String baseText =
        baseline.equals("baseline_jdbcInsert")
            ? "plain JDBC, the same 1,000 rows in one transaction"
            : "plain JDBC, the same rows, 100 flows per transaction and step";
    String target =
        Double.isNaN(minRate)
            ? "—"
            : String.format(Locale.ROOT, "≥ %,.0f flows/s", minRate)
                + (Double.isNaN(maxRatio) ? "" : String.format(Locale.ROOT, "; ≤ %.1f×", maxRatio));
    var engine = draft.find(clazz + "." + method, "durability", durability);
    var base = draft.find(clazz + "." + baseline, "durability", durability);
    if (engine.isEmpty() || base.isEmpty()) {
      draft
          .table()
          .notRun(
              name, baseText, target, ReportDraft.notRunReason(clazz + " (" + durability + ")"));
      return;
    }
    double rate = engine.get().primary().opsPerSecond();
    double baseRate = base.get().primary().opsPerSecond();
    double ratio = baseRate / rate;
    boolean ok =
        (Double.isNaN(minRate) || rate >= minRate) && (Double.isNaN(maxRatio) || ratio <= maxRatio);
    draft
        .table()
        .add(
            name,
            Units.rate(rate, "flows/s"),
            baseText + ": " + Units.rate(baseRate, "flows/s"),
            Units.times(ratio),
            target,
            Double.isNaN(minRate) ? ReportTable.Verdict.INFO : ReportTable.verdict(ok));
    if (!Double.isNaN(minRate) && baseRate < minRate) {
      draft
          .reading()
          .add(
              String.format(
                  Locale.ROOT,
                  "%s: the batched-JDBC floor itself runs %s, below the %s target, so no group commit"
                      + " on this machine can reach it.",
                  name,
                  Units.rate(baseRate, "flows/s"),
                  Units.rate(minRate, "flows/s")));
    }
  }
}
