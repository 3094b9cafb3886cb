package io.flowengine.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rows of {@code BENCHMARKS.md} for {@code PostgresLifecycleBenchmark}: one node from 8 and
 * from 1 sender against the plain-JDBC floor, the server's flushed-commit rate, and 3 cluster nodes
 * against one node with each node's share, and the claim latency of {@code
 * PostgresLatencyBenchmark}. Not thread-safe: one report at a time.
 */
final class PostgresReportRows {
  private static final String CLASS = "PostgresLifecycleBenchmark";
  private static final String FLOOR_TEXT =
      "plain JDBC, the same rows, 100 flows per transaction and step";

  private final List<JmhResult> results;
  private final ReportTable table;
  private final List<String> reading;

  private PostgresReportRows(List<JmhResult> results, ReportTable table, List<String> reading) {
    this.results = results;
    this.table = table;
    this.reading = reading;
  }

  /** Adds the PostgreSQL rows (or their not-run rows) to {@code table}, and their reading. */
  static void add(List<JmhResult> results, ReportTable table, List<String> reading) {
    PostgresReportRows rows = new PostgresReportRows(results, table, reading);
    rows.oneNode("engine_8senders", "8 senders", 5_000, 1.5);
    rows.oneNode("engine_1sender", "1 sender", Double.NaN, Double.NaN);
    rows.commits();
    rows.cluster();
    rows.claimLatency();
  }

  private Optional<JmhResult> find(String method) {
    return results.stream().filter(r -> r.benchmark().equals(CLASS + "." + method)).findFirst();
  }

  private void oneNode(String method, String senders, double minRate, double maxRatio) {
    String name =
        "PostgreSQL, one node, " + senders + " (createFlow + startFlow → completed), sync commit";
    String target =
        Double.isNaN(minRate)
            ? "—"
            : String.format(Locale.ROOT, "≥ %,.0f flows/s; ≤ %.1f×", minRate, maxRatio);
    var engine = find(method);
    var floor = find("baseline_jdbcLifecycle");
    if (engine.isEmpty() || floor.isEmpty()) {
      table.notRun(name, FLOOR_TEXT, target, "not run: no " + CLASS + " result in this file");
      return;
    }
    double rate = engine.get().primary().opsPerSecond();
    double floorRate = floor.get().primary().opsPerSecond();
    double ratio = floorRate / rate;
    table.add(
        name,
        Units.rate(rate, "flows/s"),
        FLOOR_TEXT + ": " + Units.rate(floorRate, "flows/s"),
        Units.times(ratio),
        target,
        Double.isNaN(minRate)
            ? ReportTable.Verdict.INFO
            : ReportTable.verdict(rate >= minRate && ratio <= maxRatio));
    var commits = find("baseline_commit");
    if (commits.isPresent()) {
      reading.add(
          String.format(
              Locale.ROOT,
              "PostgreSQL, %s: each flow takes the time of %.1f flushed commits of one connection"
                  + " (%s).",
              senders,
              commits.get().primary().opsPerSecond() / rate,
              Units.rate(commits.get().primary().opsPerSecond(), "commits/s")));
    }
  }

  private void commits() {
    String name = "PostgreSQL flushed commits, one connection (`synchronous_commit` on)";
    var commits = find("baseline_commit");
    if (commits.isEmpty()) {
      table.notRun(name, "—", "—", "not run: no " + CLASS + " result in this file");
      return;
    }
    table.add(
        name,
        Units.rate(commits.get().primary().opsPerSecond(), "commits/s"),
        "— (the floor of every commit the store waits for)",
        "—",
        "—",
        ReportTable.Verdict.INFO);
  }

  private void cluster() {
    String name = "PostgreSQL, 3 cluster nodes on one database, 8 senders spread over them";
    String target = "≥ 80% of one node; each node 20–50% of the flows";
    var cluster = find("cluster3_8senders");
    var one = find("engine_8senders");
    if (cluster.isEmpty() || one.isEmpty()) {
      table.notRun(name, "one node, 8 senders", target, "not run: no " + CLASS + " result");
      return;
    }
    double rate = cluster.get().primary().opsPerSecond();
    double oneRate = one.get().primary().opsPerSecond();
    StringBuilder shares = new StringBuilder();
    boolean sharesMet = true;
    for (int i = 1; i <= 3; i++) {
      JmhResult.Score share = cluster.get().secondary().get("node" + i + ".share");
      if (share == null) {
        throw new IllegalStateException("the cluster result has no node" + i + ".share metric");
      }
      shares
          .append(i == 1 ? "" : " / ")
          .append(String.format(Locale.ROOT, "%.0f%%", share.value()));
      sharesMet &= share.value() >= 20 && share.value() <= 50;
    }
    double kept = rate / oneRate;
    table.add(
        name,
        Units.rate(rate, "flows/s") + "; node shares " + shares,
        "one node, 8 senders: " + Units.rate(oneRate, "flows/s"),
        String.format(Locale.ROOT, "%.0f%% kept", 100 * kept),
        target,
        ReportTable.verdict(kept >= 0.8 && sharesMet));
  }

  private void claimLatency() {
    String name = "PostgreSQL claim latency (created → step started), 8 senders at half the max";
    String target = "p99 ≤ 10 ms; rate held";
    var run =
        results.stream()
            .filter(r -> r.benchmark().equals("PostgresLatencyBenchmark.sendOnSchedule"))
            .findFirst();
    if (run.isEmpty() || !run.get().secondary().containsKey("claim.p99")) {
      table.notRun(name, "—", target, "not run: no PostgresLatencyBenchmark result in this file");
      return;
    }
    var s = run.get().secondary();
    double p99 = ReportDraft.metric(s, "claim.p99");
    double targetRate = ReportDraft.metric(s, "claim.targetRate");
    double sent = run.get().primary().opsPerSecond();
    table.add(
        name,
        String.format(
            Locale.ROOT,
            "p50 %s, p99 %s (max %s) at %s sent",
            Units.micros(ReportDraft.metric(s, "claim.p50")),
            Units.micros(p99),
            Units.micros(ReportDraft.metric(s, "claim.max")),
            Units.rate(sent, "flows/s")),
        "— (target rate " + Units.rate(targetRate, "flows/s") + ", half the max measured first)",
        "—",
        target,
        ReportTable.verdict(p99 <= 10_000 && sent >= 0.95 * targetRate));
  }
}
