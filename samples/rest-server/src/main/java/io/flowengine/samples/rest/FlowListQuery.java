package io.flowengine.samples.rest;

import io.flowengine.FlowField;
import io.flowengine.FlowQuery;
import io.flowengine.FlowSortKey;
import io.flowengine.FlowState;
import io.flowengine.SortDirection;
import io.helidon.common.uri.UriQuery;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads the query of {@code GET /flows} into a {@link FlowQuery}. Parameters:
 *
 * <ul>
 *   <li>{@code sort_by}: {@code created_at} (default), {@code status} (or {@code state}), {@code
 *       progress}, {@code started_at}, {@code finished_at};
 *   <li>{@code order}: {@code asc} (default) or {@code desc};
 *   <li>{@code filter_by}: comma-separated, may repeat. Each item that is a state ({@code created},
 *       {@code running}, ...) keeps only flows in that state; each item that is a summary field
 *       ({@code state}, {@code progress}, ...) selects that field of each summary. The two sets of
 *       names do not overlap, so a mixed value does both;
 *   <li>{@code limit}: page size, 1 to {@value FlowQuery#MAX_LIMIT}, default {@value
 *       FlowQuery#DEFAULT_LIMIT};
 *   <li>{@code cursor}: the {@code next_cursor} of the previous page.
 * </ul>
 *
 * Every problem is reported together, as a 422. Stateless.
 */
final class FlowListQuery {
  private static final String STATES =
      Arrays.stream(FlowState.values()).map(FlowState::wireName).collect(Collectors.joining(", "));
  private static final String FIELDS =
      Arrays.stream(FlowField.values()).map(FlowField::wireName).collect(Collectors.joining(", "));

  private FlowListQuery() {}

  /**
   * Returns the query {@code query} describes.
   *
   * @throws RequestValidationException listing every malformed parameter
   */
  static FlowQuery parse(UriQuery query) {
    RequestValidationException.Collector problems = new RequestValidationException.Collector();
    FlowQuery.Builder builder = FlowQuery.builder();
    FlowSortKey sortKey = FlowSortKey.CREATED_AT;
    SortDirection direction = SortDirection.ASCENDING;
    if (query.contains("sort_by")) {
      try {
        sortKey = FlowSortKey.fromWireName(query.get("sort_by").strip());
      } catch (IllegalArgumentException e) {
        problems.add(
            List.of("query", "sort_by"),
            "Input should be 'status', 'state', 'progress',"
                + " 'created_at', 'started_at' or 'finished_at'",
            "enum");
      }
    }
    if (query.contains("order")) {
      switch (query.get("order").strip()) {
        case "asc" -> direction = SortDirection.ASCENDING;
        case "desc" -> direction = SortDirection.DESCENDING;
        default ->
            problems.add(List.of("query", "order"), "Input should be 'asc' or 'desc'", "enum");
      }
    }
    builder.sortBy(sortKey, direction);
    if (query.contains("filter_by")) {
      for (String value : query.all("filter_by")) {
        for (String item : value.split(",", -1)) {
          filterItem(item.strip(), builder, problems);
        }
      }
    }
    if (query.contains("limit")) {
      String raw = query.get("limit").strip();
      try {
        int limit = Integer.parseInt(raw);
        if (limit < 1 || limit > FlowQuery.MAX_LIMIT) {
          problems.add(
              List.of("query", "limit"),
              "Input should be between 1 and " + FlowQuery.MAX_LIMIT,
              "value_error");
        } else {
          builder.limit(limit);
        }
      } catch (NumberFormatException e) {
        problems.add(
            List.of("query", "limit"),
            "Input should be a valid integer, unable to parse string as an integer",
            "int_parsing");
      }
    }
    if (query.contains("cursor") && !query.get("cursor").isBlank()) {
      builder.cursor(query.get("cursor").strip());
    }
    problems.throwIfAny();
    return builder.build();
  }

  private static void filterItem(
      String item, FlowQuery.Builder builder, RequestValidationException.Collector problems) {
    if (item.isEmpty() || item.equals("flow_id")) {
      return; // the id is always returned
    }
    if (item.equals("status")) {
      builder.fields(FlowField.STATE); // the reference's other name of the state
      return;
    }
    try {
      builder.states(FlowState.fromWireName(item));
      return;
    } catch (IllegalArgumentException notState) {
      // maybe a field
    }
    try {
      builder.fields(FlowField.fromWireName(item));
    } catch (IllegalArgumentException notField) {
      problems.add(
          List.of("query", "filter_by"),
          "'"
              + item
              + "' is neither a flow state ("
              + STATES
              + ") nor a summary field ("
              + FIELDS
              + ")",
          "value_error");
    }
  }
}
