package io.flowengine.internal;

import java.util.Locale;

/** Makes user-supplied text safe to put in a message or log line. Stateless. */
public final class Printable {
  private static final int MAX_CODE_POINTS = 80;

  private Printable() {}

  /** Escapes control and line-separator characters and shortens long text. */
  public static String of(String value) {
    StringBuilder out = new StringBuilder();
    int count = 0;
    for (int i = 0; i < value.length(); ) {
      int c = value.codePointAt(i);
      i += Character.charCount(c);
      if (++count > MAX_CODE_POINTS) {
        return out.append("...").toString();
      }
      if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || Character.isSurrogate((char) c)) {
        out.append(String.format(Locale.ROOT, "\\u%04x", c));
      } else {
        out.appendCodePoint(c);
      }
    }
    return out.toString();
  }
}
