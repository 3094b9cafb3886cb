package io.flowengine.samples.rest;

import io.flowengine.InvalidRequestException;
import io.flowengine.Violation;
import io.flowengine.samples.rest.wire.ValidationErrorJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the engine's violation field paths into FastAPI {@code loc} arrays: {@code parameters.seed}
 * becomes {@code ["body","parameters","seed"]}, {@code inputs[1].data} becomes {@code
 * ["body","inputs",1,"data"]}, a media type or content problem points at the {@code data} it came
 * from, {@code cursor} is a query parameter and blank ids are path parameters. Stateless.
 */
final class ViolationLocations {
  private static final Pattern INDEXED = Pattern.compile("([^\\[\\]]+)\\[(\\d+)\\]");
  private static final String PARAMETERS_PREFIX = "parameters.";
  private static final Map<String, List<Object>> NAMED =
      Map.of(
          "cursor", List.of("query", "cursor"),
          "flowId", List.of("path", "flow_id"),
          "assetId", List.of("path", "asset_id"),
          "idOrName", List.of("path", "id_or_name"));

  private ViolationLocations() {}

  /** Returns the 422 items of {@code e}, one per violation, in order. */
  static List<ValidationErrorJson.Item> items(InvalidRequestException e) {
    return items(e.violations(), List.of());
  }

  /** Returns the 422 items of {@code violations}, their locations under {@code prefix}. */
  static List<ValidationErrorJson.Item> items(List<Violation> violations, List<Object> prefix) {
    return violations.stream()
        .map(
            v ->
                new ValidationErrorJson.Item(locate(v.field(), prefix), v.message(), "value_error"))
        .toList();
  }

  /**
   * Returns the location of the engine field {@code field}; unless it is a query or path parameter
   * it is under {@code "body"} followed by {@code prefix}.
   */
  static List<Object> locate(String field, List<Object> prefix) {
    List<Object> named = NAMED.get(field);
    if (named != null) {
      return named;
    }
    List<Object> loc = new ArrayList<>();
    loc.add("body");
    loc.addAll(prefix);
    if (field.startsWith(PARAMETERS_PREFIX)) {
      loc.add("parameters");
      loc.add(field.substring(PARAMETERS_PREFIX.length()));
      return loc;
    }
    String[] segments = field.split("\\.", -1);
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      if (i == 0 && segment.equals("input") && segments.length > 1) {
        continue; // addInput's fields are the body's own: "input.additional" is "additional"
      }
      if (segment.equals("mediaType") || segment.equals("content")) {
        if (!loc.getLast().equals("data")) {
          loc.add("data"); // the media type and the content both come from the data URI
        }
        continue;
      }
      Matcher indexed = INDEXED.matcher(segment);
      if (indexed.matches()) {
        loc.add(indexed.group(1));
        loc.add(Integer.parseInt(indexed.group(2)));
      } else if (!segment.isEmpty()) {
        loc.add(segment);
      }
    }
    return loc;
  }
}
