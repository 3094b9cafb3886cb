package io.flowengine;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.Sets;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One page of a flow listing. Immutable and thread-safe.
 *
 * @param items the flows of this page, complete, in the query's order
 * @param fields the fields the query selected for {@link #summaries()}; empty for all
 * @param nextCursor the cursor of the next page, or null if this is the last page
 */
public record FlowPage(List<Flow> items, Set<FlowField> fields, @Nullable String nextCursor) {

  /** The key of the flow id in {@link #summaries()}. */
  public static final String ID_KEY = "flow_id";

  /** Copies the collections. */
  public FlowPage {
    items = ImmutableList.copyOf(items);
    fields = Sets.immutableEnumSet(fields);
  }

  /** Returns the next page's cursor, if there is a next page. */
  public Optional<String> next() {
    return Optional.ofNullable(nextCursor);
  }

  /** Returns whether there is a next page. */
  public boolean hasNext() {
    return nextCursor != null;
  }

  /**
   * Returns each flow as a map from wire field name to value: the id under {@link #ID_KEY}, then
   * the selected fields in {@link FlowField} order (all fields if none was selected). Values may be
   * null.
   */
  public List<Map<String, @Nullable Object>> summaries() {
    Set<FlowField> selected = fields.isEmpty() ? EnumSet.allOf(FlowField.class) : fields;
    return items.stream()
        .map(
            flow -> {
              Map<String, @Nullable Object> summary = new LinkedHashMap<>();
              summary.put(ID_KEY, flow.id());
              for (FlowField field : selected) {
                summary.put(field.wireName(), field.valueIn(flow));
              }
              return Collections.<String, @Nullable Object>unmodifiableMap(summary);
            })
        .toList();
  }

  /** Returns the number of flows on this page. */
  public int size() {
    return items.size();
  }
}
