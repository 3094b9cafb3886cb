package io.flowengine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One benchmark's result as JMH writes it to its JSON result file: which benchmark with which
 * parameters, and the primary and secondary scores. Immutable.
 *
 * @param benchmark {@code SimpleClassName.method}
 * @param params the {@code @Param} values
 * @param threads how many threads ran it
 * @param primary the primary score
 * @param secondary the secondary scores by label
 */
record JmhResult(
    String benchmark, Map<String, String> params, int threads, Score primary, Map<String, Score> secondary) {

  /** A score with its error and unit. */
  record Score(double value, double error, String unit) {
    /** Returns the time of one operation in nanoseconds, whatever the unit. */
    double nanosPerOp() {
      return switch (unit) {
        case "ns/op" -> value;
        case "us/op" -> value * 1e3;
        case "ms/op" -> value * 1e6;
        case "s/op" -> value * 1e9;
        case "ops/ns" -> 1 / value;
        case "ops/us" -> 1e3 / value;
        case "ops/ms" -> 1e6 / value;
        case "ops/s" -> 1e9 / value;
        default -> throw new IllegalArgumentException("not a time or rate unit: " + unit);
      };
    }

    /** Returns operations per second, whatever the unit. */
    double opsPerSecond() {
      return 1e9 / nanosPerOp();
    }
  }

  /** Reads every result of a JMH JSON result file. */
  @SuppressWarnings("unchecked")
  static List<JmhResult> read(Path file) throws IOException {
    List<JmhResult> results = new ArrayList<>();
    for (Object entry : (List<Object>) Json.parse(Files.readString(file))) {
      Map<String, Object> run = (Map<String, Object>) entry;
      String fqn = (String) run.get("benchmark");
      String[] parts = fqn.split("\\.");
      String name = parts[parts.length - 2] + "." + parts[parts.length - 1];
      Map<String, String> params = new LinkedHashMap<>();
      Object rawParams = run.get("params");
      if (rawParams instanceof Map<?, ?> map) {
        map.forEach((k, v) -> params.put((String) k, String.valueOf(v)));
      }
      Map<String, Score> secondary = new LinkedHashMap<>();
      Object rawSecondary = run.get("secondaryMetrics");
      if (rawSecondary instanceof Map<?, ?> map) {
        map.forEach((k, v) -> secondary.put((String) k, score((Map<String, Object>) v)));
      }
      results.add(
          new JmhResult(
              name, params, ((Number) run.get("threads")).intValue(),
              score((Map<String, Object>) run.get("primaryMetric")), secondary));
    }
    return results;
  }

  private static Score score(Map<String, Object> metric) {
    return new Score(number(metric.get("score")), number(metric.get("scoreError")), (String) metric.get("scoreUnit"));
  }

  private static double number(Object value) {
    return value instanceof Number n ? n.doubleValue() : Double.NaN; // JMH writes "NaN" as a string
  }
}
