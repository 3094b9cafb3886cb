package io.flowengine.bench;

import java.util.ArrayList;
import java.util.List;

/** The rows of the report's results table, rendered as markdown. Not thread-safe. */
final class ReportTable {
  /** Whether a row met its target. */
  enum Verdict {
    MET("yes"),
    MISSED("**no**"),
    INFO("—"),
    NOT_RUN("not run");

    final String text;

    Verdict(String text) {
      this.text = text;
    }
  }

  /** One row. */
  record Row(
      String name, String value, String baseline, String ratio, String target, Verdict verdict) {}

  private final List<Row> rows = new ArrayList<>();

  static Verdict verdict(boolean met) {
    return met ? Verdict.MET : Verdict.MISSED;
  }

  void add(
      String name, String value, String baseline, String ratio, String target, Verdict verdict) {
    rows.add(new Row(name, value, baseline, ratio, target, verdict));
  }

  void notRun(String name, String baseline, String target, String reason) {
    rows.add(new Row(name, reason, baseline, "—", target, Verdict.NOT_RUN));
  }

  List<Row> rows() {
    return rows;
  }

  long count(Verdict verdict) {
    return rows.stream().filter(r -> r.verdict() == verdict).count();
  }

  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("| benchmark | engine | baseline (same run) | ratio | target | met |\n");
    md.append("|---|---|---|---|---|---|\n");
    for (Row r : rows) {
      md.append("| ")
          .append(r.name())
          .append(" | ")
          .append(r.value())
          .append(" | ")
          .append(r.baseline())
          .append(" | ")
          .append(r.ratio())
          .append(" | ")
          .append(r.target())
          .append(" | ")
          .append(r.verdict().text)
          .append(" |\n");
    }
    return md.toString();
  }
}
