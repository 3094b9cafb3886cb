package io.flowengine.samples.demo;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * The demo's command line: where the engine keeps its data, where the models go, the prompt and the
 * triangle budget of the optimised model. Immutable and thread-safe.
 *
 * @param dataDirectory the engine's data directory (kept between runs)
 * @param outputDirectory where GLBs, previews and the HTML page are written
 * @param prompt the text for {@code model_generate_fromprompt}
 * @param polygonCount the {@code polygon_count} for {@code model_optimize}
 */
public record DemoOptions(
    Path dataDirectory, Path outputDirectory, String prompt, long polygonCount) {
  static final String USAGE =
      """
      usage: DemoMain [--data DIR] [--out DIR] [--prompt TEXT] [--polygons N]
        --data DIR      engine data directory (default ./data)
        --out DIR       output directory for GLB files, previews and index.html (default ./out)
        --prompt TEXT   prompt for model_generate_fromprompt
        --polygons N    polygon_count for model_optimize (default 20000)""";

  /** Checks the values. */
  public DemoOptions {
    requireNonNull(dataDirectory, "dataDirectory");
    requireNonNull(outputDirectory, "outputDirectory");
    requireNonNull(prompt, "prompt");
    if (polygonCount < 1) {
      throw new IllegalArgumentException("--polygons must be at least 1: " + polygonCount);
    }
  }

  /**
   * Parses the command line.
   *
   * @throws IllegalArgumentException with the usage text if an option is unknown or malformed
   */
  public static DemoOptions parse(List<String> args) {
    Path data = Path.of("data");
    Path out = Path.of("out");
    String prompt = "flowengine turns prompts into 3D";
    long polygons = 20_000;
    for (int i = 0; i < args.size(); i++) {
      String option = args.get(i);
      if (i + 1 >= args.size()) {
        throw new IllegalArgumentException("missing value of " + option + "\n" + USAGE);
      }
      String value = args.get(++i);
      switch (option) {
        case "--data" -> data = Path.of(value);
        case "--out" -> out = Path.of(value);
        case "--prompt" -> prompt = value;
        case "--polygons" -> {
          try {
            polygons = Long.parseLong(value);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                "--polygons needs a number: " + value + "\n" + USAGE, e);
          }
        }
        default -> throw new IllegalArgumentException("unknown option " + option + "\n" + USAGE);
      }
    }
    return new DemoOptions(data, out, prompt, polygons);
  }
}
