package io.flowengine.samples.rest;

import io.helidon.common.uri.UriQuery;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads boolean query parameters the way the reference (FastAPI) does: {@code true}, {@code 1},
 * {@code yes}, {@code on} and their opposites, in any case. Stateless.
 */
final class QueryFlags {
  private static final Set<String> TRUE = Set.of("true", "1", "yes", "on", "t", "y");
  private static final Set<String> FALSE = Set.of("false", "0", "no", "off", "f", "n");

  private QueryFlags() {}

  /**
   * Returns the flag {@code name}, or {@code otherwise} if it is absent.
   *
   * @throws RequestValidationException if it is not a boolean
   */
  static boolean bool(UriQuery query, String name, boolean otherwise) {
    if (!query.contains(name)) {
      return otherwise;
    }
    String value = query.get(name).strip().toLowerCase(Locale.ROOT);
    if (TRUE.contains(value)) {
      return true;
    }
    if (FALSE.contains(value)) {
      return false;
    }
    throw RequestValidationException.of(
        List.of("query", name),
        "Input should be a valid boolean, unable to interpret input",
        "bool_parsing");
  }
}
