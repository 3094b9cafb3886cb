package io.flowengine.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
    String benchmark,
    Map<String, String> params,
    int threads,
    Score primary,
    Map<String, Score> secondary) {
  private static final ObjectMapper JSON = new ObjectMapper();

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
  static List<JmhResult> read(Path file) throws IOException {
    List<JmhResult> results = new ArrayList<>();
    for (JsonNode run : JSON.readTree(file.toFile())) {
      String fqn = run.path("benchmark").asText();
      String[] parts = fqn.split("\\.", -1);
      String name = parts[parts.length - 2] + "." + parts[parts.length - 1];
      Map<String, String> params = new LinkedHashMap<>();
      run.path("params").properties().forEach(p -> params.put(p.getKey(), p.getValue().asText()));
      Map<String, Score> secondary = new LinkedHashMap<>();
      run.path("secondaryMetrics")
          .properties()
          .forEach(m -> secondary.put(m.getKey(), score(m.getValue())));
      results.add(
          new JmhResult(
              name,
              params,
              run.path("threads").asInt(),
              score(run.path("primaryMetric")),
              secondary));
    }
    return results;
  }

  private static Score score(JsonNode metric) {
    return new Score(
        number(metric.path("score")),
        number(metric.path("scoreError")),
        metric.path("scoreUnit").asText());
  }

  private static double number(JsonNode value) {
    return value.isNumber() ? value.doubleValue() : Double.NaN; // JMH writes "NaN" as a string
  }
}
