package io.flowengine.internal;

import io.flowengine.PayloadTooLargeException;
import io.flowengine.Violation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Checks user-supplied text ({@code additional} data, string parameters): it must be well-formed
 * Unicode (no unpaired surrogate, which no store could round-trip through UTF-8) and within its
 * byte limit. Stateless.
 */
final class UserText {
  private UserText() {}

  static boolean isWellFormed(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Checks {@code additional} user data.
   *
   * @throws PayloadTooLargeException if it is longer than {@code maxBytes} in UTF-8
   */
  static void checkAdditional(
      @Nullable String additional, String field, int maxBytes, List<Violation> violations) {
    if (additional == null) {
      return;
    }
    if (!isWellFormed(additional)) {
      violations.add(new Violation(field, "is not well-formed Unicode"));
      return;
    }
    // a char is at most 3 UTF-8 bytes; only count exactly when that bound could exceed the limit
    if ((long) additional.length() * 3 > maxBytes) {
      int bytes = additional.getBytes(StandardCharsets.UTF_8).length;
      if (bytes > maxBytes) {
        throw new PayloadTooLargeException(field, "bytes", maxBytes, bytes);
      }
    }
  }
}
