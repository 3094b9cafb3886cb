package io.flowengine.bench;

import io.flowengine.bench.JmhResult.Score;
import java.util.Locale;
import java.util.Map;

/**
 * The rows of {@code BENCHMARKS.md} for latency: a flow from its scheduled send to completion at
 * half the maximum throughput, in memory and on H2 ({@code FlowLatencyBenchmark}), and a poll of a
 * flow with {@code getFlow} against a map lookup and a cache get ({@code GetFlowBenchmark}).
 * Stateless; the rows it adds are not thread-safe.
 */
final class LatencyReportRows {
  private LatencyReportRows() {}

  /** Adds these rows (or their not-run rows) to {@code draft}, and their reading. */
  static void add(ReportDraft draft) {
    latency(draft);
    getFlow(draft);
  }

  private static void latency(ReportDraft draft) {
    latencyRow(
        draft,
        "MEMORY",
        "latency create → completed, in memory, at half the max throughput",
        1_000);
    latencyRow(
        draft,
        "H2",
        "latency create → completed, on H2 `EVERY_COMMIT`, at half the max throughput",
        5_000);
  }

  private static void latencyRow(
      ReportDraft draft, String storage, String name, double maxP99Micros) {
    String target =
        maxP99Micros >= 1000
            ? String.format(Locale.ROOT, "p99 ≤ %.0f ms", maxP99Micros / 1000)
            : "p99 ≤ " + maxP99Micros + " µs";
    var run = draft.find("FlowLatencyBenchmark.sendOnSchedule", "storage", storage);
    if (run.isEmpty() || !run.get().secondary().containsKey("latency.p99")) {
      draft
          .table()
          .notRun(
              name,
              "—",
              target,
              ReportDraft.notRunReason("FlowLatencyBenchmark (" + storage + ")"));
      return;
    }
    Map<String, Score> s = run.get().secondary();
    double p50 = ReportDraft.metric(s, "latency.p50");
    double p99 = ReportDraft.metric(s, "latency.p99");
    double sentRate = run.get().primary().opsPerSecond();
    double targetRate = ReportDraft.metric(s, "latency.targetRate");
    String value =
        String.format(
            Locale.ROOT,
            "p50 %s, p99 %s (max %s) from the scheduled send; %s at %s sent",
            Units.micros(p50),
            Units.micros(p99),
            Units.micros(ReportDraft.metric(s, "latency.max")),
            s.containsKey("latency.fromCall.p99")
                ? "p50 "
                    + Units.micros(ReportDraft.metric(s, "latency.fromCall.p50"))
                    + ", p99 "
                    + Units.micros(ReportDraft.metric(s, "latency.fromCall.p99"))
                    + " from the createFlow call"
                : "",
            Units.rate(sentRate, "flows/s"));
    boolean rateHeld = sentRate >= 0.95 * targetRate;
    draft
        .table()
        .add(
            name,
            value,
            "— (target rate "
                + Units.rate(targetRate, "flows/s")
                + ", half of the "
                + Units.rate(2 * targetRate, "flows/s")
                + " measured first)",
            "—",
            target + "; rate held",
            ReportTable.verdict(p99 <= maxP99Micros && rateHeld));
    String gc = "";
    if (s.containsKey("latency.gcMillis") && s.containsKey("latency.gcCount")) {
      double iterationSeconds =
          s.getOrDefault("latency.iterationSeconds", new Score(Double.NaN, 0, "s")).value();
      gc =
          String.format(
              Locale.ROOT,
              " The JVM spent %.0f ms per iteration in %.0f garbage collections%s: every completed flow stays in the"
                  + " store, so the live heap grows by the sent rate times the retained size per flow, and each"
                  + " young collection copies that growth.",
              s.get("latency.gcMillis").value(),
              s.get("latency.gcCount").value(),
              Double.isNaN(iterationSeconds)
                  ? ""
                  : String.format(Locale.ROOT, " of %.0f s", iterationSeconds));
    }
    if (!rateHeld) {
      draft
          .reading()
          .add(
              String.format(
                  Locale.ROOT,
                  "%s: the sender reached only %s of the %s scheduled, so flows were sent late and the latency from"
                      + " the schedule grew with the backlog; the latency from the createFlow call leaves that out.%s",
                  name,
                  Units.rate(sentRate, "flows/s"),
                  Units.rate(targetRate, "flows/s"),
                  gc));
    } else if (p99 > maxP99Micros) {
      draft.reading().add(name + ": the rate was held." + gc);
    }
  }

  private static void getFlow(ReportDraft draft) {
    for (String storage : new String[] {"MEMORY", "H2"}) {
      String name =
          "getFlow (polling), " + (storage.equals("H2") ? "H2 with the cache" : "in memory");
      String target = storage.equals("H2") ? "≤ 5×" : "— (≤ 5× is the H2 target)";
      var engine = draft.find("GetFlowBenchmark.engine", "storage", storage);
      var base = draft.find("GetFlowBenchmark.baseline", "storage", storage);
      if (engine.isEmpty() || base.isEmpty()) {
        draft
            .table()
            .notRun(
                name,
                "ConcurrentHashMap.get",
                target,
                ReportDraft.notRunReason("GetFlowBenchmark (" + storage + ")"));
        continue;
      }
      double ratio = engine.get().primary().nanosPerOp() / base.get().primary().nanosPerOp();
      draft
          .table()
          .add(
              name,
              Units.nanos(engine.get().primary().nanosPerOp()),
              "ConcurrentHashMap.get: " + Units.nanos(base.get().primary().nanosPerOp()),
              Units.times(ratio),
              target,
              storage.equals("H2") ? ReportTable.verdict(ratio <= 5) : ReportTable.Verdict.INFO);
      var caffeine = draft.find("GetFlowBenchmark.baseline_caffeine", "storage", storage);
      if (storage.equals("H2") && caffeine.isPresent()) {
        double c = caffeine.get().primary().nanosPerOp();
        draft
            .table()
            .add(
                "  same, against a Caffeine cache get",
                Units.nanos(engine.get().primary().nanosPerOp()),
                "Caffeine get of the same snapshots: " + Units.nanos(c),
                Units.times(engine.get().primary().nanosPerOp() / c),
                "—",
                ReportTable.Verdict.INFO);
        if (ratio > 5) {
          draft
              .reading()
              .add(
                  String.format(
                      Locale.ROOT,
                      "getFlow on H2: the storage answers polls from a Caffeine cache; a Caffeine `get` of the same"
                          + " snapshots alone costs %s, %s of a ConcurrentHashMap.get, so a bounded cache leaves"
                          + " little room under the ≤ 5× target; the engine adds %s on top of the cache.",
                      Units.nanos(c),
                      Units.times(c / base.get().primary().nanosPerOp()),
                      Units.nanos(engine.get().primary().nanosPerOp() - c)));
        }
      }
    }
  }
}
