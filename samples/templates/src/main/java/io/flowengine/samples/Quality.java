package io.flowengine.samples;

import java.util.Locale;

/** The {@code quality} parameter of the generating templates. */
public enum Quality {
  /** Coarse: fewer curve segments, a coarser relief grid, smaller outputs. */
  LOW,
  /** Fine: smooth curves and a dense relief grid. */
  HIGH;

  /**
   * Returns the quality named {@code low} or {@code high} (any case).
   *
   * @throws IllegalArgumentException for any other name
   */
  public static Quality parse(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "low" -> LOW;
      case "high" -> HIGH;
      default -> throw new IllegalArgumentException("quality must be low or high: " + name);
    };
  }

  /** Returns the parameter value, {@code low} or {@code high}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
