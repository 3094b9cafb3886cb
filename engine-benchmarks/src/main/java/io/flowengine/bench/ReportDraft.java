package io.flowengine.bench;

import io.flowengine.bench.JmhResult.Score;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The report being drafted: the results it is drawn from, the rows of its table and the sentences
 * of its reading so far, with the look-ups every group of rows ({@code *ReportRows}) uses. Not
 * thread-safe: one report at a time.
 */
final class ReportDraft {
  private final List<JmhResult> results;
  private final ReportTable table = new ReportTable();
  private final List<String> reading = new ArrayList<>();

  ReportDraft(List<JmhResult> results) {
    this.results = results;
  }

  List<JmhResult> results() {
    return results;
  }

  ReportTable table() {
    return table;
  }

  /** Returns the sentences of the reading, in the order they were added; the caller adds to it. */
  List<String> reading() {
    return reading;
  }

  /**
   * Returns the first result of {@code benchmark} ({@code Class.method}) whose parameters have the
   * values {@code params} names, as pairs of name and value.
   */
  Optional<JmhResult> find(String benchmark, String... params) {
    Predicate<JmhResult> matches =
        r -> {
          if (!r.benchmark().equals(benchmark)) {
            return false;
          }
          for (int i = 0; i < params.length; i += 2) {
            if (!params[i + 1].equals(r.params().get(params[i]))) {
              return false;
            }
          }
          return true;
        };
    return results.stream().filter(matches).findFirst();
  }

  /** Returns a secondary metric the benchmark always records once it ran. */
  static double metric(Map<String, Score> secondary, String key) {
    Score score = secondary.get(key);
    if (score == null) {
      throw new IllegalStateException("the result has no " + key + " metric");
    }
    return score.value();
  }

  /** Returns the text of a row whose benchmark has no result in the file. */
  static String notRunReason(String benchmarkClass) {
    return "not run: no " + benchmarkClass + " result in this file";
  }
}
