package io.flowengine;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.Locale;

/**
 * One problem with a request: where it is and what is wrong. Immutable and thread-safe.
 *
 * @param field the path of the offending field, e.g. {@code parameters.seed} or {@code
 *     inputs[2].data}
 * @param message what is wrong with it, e.g. {@code must be an integer, was "5"}
 */
public record Violation(String field, String message) implements Serializable {
  private static final int MAX_PRINTABLE_CODE_POINTS = 80;

  /** Checks both parts are present. */
  public Violation {
    requireNonNull(field, "field");
    requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return field + ": " + message;
  }

  /**
   * Returns user-supplied text the way a violation (or any other error message) should quote it:
   * control, line-separator and lone surrogate characters escaped as {@code \\uXXXX}, and cut after
   * 80 code points with {@code ...}. Whoever validates requests (the engine, a template registry, a
   * store) quotes names and values through it, so a message or the log line it ends up in cannot be
   * forged or flooded by the request it reports.
   */
  public static String printable(String userText) {
    StringBuilder out = new StringBuilder();
    int count = 0;
    for (int i = 0; i < userText.length(); ) {
      int c = userText.codePointAt(i);
      i += Character.charCount(c);
      if (++count > MAX_PRINTABLE_CODE_POINTS) {
        return out.append("...").toString();
      }
      if (Character.isISOControl(c)
          || c == 0x2028
          || c == 0x2029
          || Character.isSurrogate((char) c)) {
        out.append(String.format(Locale.ROOT, "\\u%04x", c));
      } else {
        out.appendCodePoint(c);
      }
    }
    return out.toString();
  }
}
