package io.flowengine.samples.rest.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.flowengine.FlowPage;
import io.flowengine.FlowState;
import io.flowengine.Parameters;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One page of {@code GET /flows}: the flow summaries (the id under {@code flow_id} plus the
 * selected fields, all by default) and the cursor of the next page, null on the last page.
 */
public record FlowListJson(
    @JsonProperty("flows") List<Map<String, @Nullable Object>> flows,
    @JsonProperty("next_cursor") @Nullable String nextCursor) {

  /** Returns the wire form of {@code page}, built from {@link FlowPage#summaries()}. */
  public static FlowListJson of(FlowPage page) {
    List<Map<String, @Nullable Object>> flows =
        page.summaries().stream().map(FlowListJson::wireSummary).toList();
    return new FlowListJson(flows, page.nextCursor());
  }

  private static Map<String, @Nullable Object> wireSummary(Map<String, @Nullable Object> summary) {
    Map<String, @Nullable Object> wire = new LinkedHashMap<>();
    summary.forEach((key, value) -> wire.put(key, wireValue(key, value)));
    return wire;
  }

  private static @Nullable Object wireValue(String key, @Nullable Object value) {
    if (key.equals("additional") && value instanceof String text) {
      return UserData.toWire(text);
    }
    return switch (value) {
      case null -> null;
      case FlowState state -> state.wireName();
      case Parameters parameters -> parameters.values();
      case Instant instant -> instant.toString();
      default -> value;
    };
  }
}
