package io.flowengine.samples.json;

import java.util.List;
import java.util.Map;

/**
 * Writes a tree of plain Java values as compact JSON text: {@link Map} (string keys, iteration
 * order kept), {@link List}, {@link CharSequence}, {@link Boolean}, integral numbers ({@link
 * Integer}, {@link Long}), {@link Float}, {@link Double} and null. A {@code Float} is written as
 * the exact decimal of its {@code double} widening, so a reader that parses doubles gets back the
 * very same float (glTF accessor {@code min}/{@code max} must match the data exactly). Stateless
 * and thread-safe.
 */
public final class JsonWriter {
  private JsonWriter() {}

  /**
   * Returns {@code value} as JSON text.
   *
   * @throws IllegalArgumentException if the tree holds a non-finite number, a non-string key or
   *     a value of another type
   */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder(256);
    append(out, value);
    return out.toString();
  }

  private static void append(StringBuilder out, Object value) {
    switch (value) {
      case null -> out.append("null");
      case Map<?, ?> map -> appendObject(out, map);
      case List<?> list -> appendArray(out, list);
      case CharSequence text -> appendString(out, text);
      case Boolean bool -> out.append(bool.booleanValue());
      case Integer number -> out.append(number.intValue());
      case Long number -> out.append(number.longValue());
      case Float number -> appendFinite(out, number.doubleValue());
      case Double number -> appendFinite(out, number);
      default ->
          throw new IllegalArgumentException(
              "cannot write a " + value.getClass().getName() + " as JSON");
    }
  }

  private static void appendObject(StringBuilder out, Map<?, ?> map) {
    out.append('{');
    boolean first = true;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!(entry.getKey() instanceof String key)) {
        throw new IllegalArgumentException("JSON object key is not a string: " + entry.getKey());
      }
      if (!first) {
        out.append(',');
      }
      first = false;
      appendString(out, key);
      out.append(':');
      append(out, entry.getValue());
    }
    out.append('}');
  }

  private static void appendArray(StringBuilder out, List<?> list) {
    out.append('[');
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      append(out, list.get(i));
    }
    out.append(']');
  }

  private static void appendFinite(StringBuilder out, double number) {
    if (!Double.isFinite(number)) {
      throw new IllegalArgumentException("JSON has no representation of " + number);
    }
    if (number == Math.rint(number) && Math.abs(number) < 1e15) {
      out.append((long) number);
    } else {
      out.append(number);
    }
  }

  private static void appendString(StringBuilder out, CharSequence text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
