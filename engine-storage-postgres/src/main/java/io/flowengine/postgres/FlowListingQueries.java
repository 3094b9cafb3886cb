package io.flowengine.postgres;

import io.flowengine.FlowSortKey;
import io.flowengine.FlowState;
import io.flowengine.SortDirection;
import io.flowengine.jdbc.EpochMicros;
import io.flowengine.spi.FlowPageRequest;
import io.flowengine.spi.SortPosition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns listings into one statement each: a {@code UNION ALL} of index range scans, one per state
 * the listing includes (two for a start or finish time, whose missing values sort last in both
 * directions: one for the present values, one for the missing ones), each continuing strictly after
 * the keyset position with a row comparison {@code (key, id) > (?, ?)} and stopping after {@code
 * limit} rows; the outer query merges them in the listing's order. Each scan reads an index that
 * starts with the state in the scan's own order, so no scan sorts or reads past its page. An
 * account's listing by creation time reads the account's own index, filtered by state.
 *
 * <p>States are written into the statement as their ranks (a closed set of seven, so the statement
 * texts stay few), not bound as parameters: PostgreSQL then plans each scan knowing which state it
 * reads, from the column's statistics, even in a cached generic plan. A parameter would be planned
 * with the average state's frequency, and a scan of a rare state (the running flows among millions
 * of completed ones) could walk the primary key and filter instead of reading its own index range.
 * Stateless.
 */
final class FlowListingQueries {
  /**
   * One statement.
   *
   * @param sql the query, selecting {@link FlowRows#COLUMNS}; empty if the listing is empty
   * @param parameters its parameters in order
   */
  record Query(String sql, List<Object> parameters) {
    boolean isEmpty() {
      return sql.isEmpty();
    }
  }

  /** One range scan: its conditions, their parameters, and its order. */
  private record Scan(String conditions, List<Object> parameters, String order) {}

  private FlowListingQueries() {}

  /** The page {@code request} asks for. */
  static Query page(FlowPageRequest request) {
    Set<FlowState> states =
        request.states().isEmpty() ? EnumSet.allOf(FlowState.class) : request.states();
    FlowSortKey key = request.sortBy();
    boolean ascending = request.direction() == SortDirection.ASCENDING;
    String dir = ascending ? " ASC" : " DESC";
    if (request.accountId() != null && key == FlowSortKey.CREATED_AT) {
      return accountByCreated(request, states, dir);
    }
    String cmp = ascending ? " > " : " < ";
    String column = column(key);
    @Nullable SortPosition after = request.after();
    List<Object> prefix = new ArrayList<>();
    String account = "";
    if (request.accountId() != null) {
      account = " AND account_id = ?";
      prefix.add(request.accountId());
    }
    List<Scan> scans = new ArrayList<>();
    for (FlowState state : EnumSet.copyOf(states)) {
      List<Object> head = new ArrayList<>(prefix);
      String where = "state = " + state.ordinal() + account;
      if (column == null) { // by state: the state's flows in id order
        int order = 1; // > 0: the whole state comes after the position, 0: part of it
        if (after != null) {
          order = Integer.signum(state.compareTo((FlowState) value(after, key)));
          order = ascending ? order : -order;
        }
        if (order > 0) {
          scans.add(new Scan(where, head, "id" + dir));
        } else if (order == 0 && after != null) {
          scans.add(new Scan(where + " AND id" + cmp + "?", with(head, after.id()), "id" + dir));
        }
        continue;
      }
      boolean nullable = key == FlowSortKey.STARTED_AT || key == FlowSortKey.FINISHED_AT;
      Object afterValue = after == null ? null : value(after, key);
      String order = column + dir + ", id" + dir;
      if (after == null || afterValue != null) {
        String present = nullable ? where + " AND " + column + " IS NOT NULL" : where;
        scans.add(
            after == null
                ? new Scan(present, head, order)
                : new Scan(
                    present + " AND (" + column + ", id)" + cmp + "(?, ?)",
                    with(head, Objects.requireNonNull(afterValue), after.id()),
                    order));
      }
      if (nullable) { // the missing values, after every present one in both directions
        String missing = where + " AND " + column + " IS NULL";
        scans.add(
            after != null && afterValue == null
                ? new Scan(missing + " AND id" + cmp + "?", with(head, after.id()), order)
                : new Scan(missing, head, order));
      }
    }
    String outer =
        column == null ? "state" + dir + ", id" + dir : column + dir + " NULLS LAST, id" + dir;
    return union(scans, outer, request.limit());
  }

  /** Flows in {@code states} with an id after {@code afterId}, by id. */
  static Query byStates(Set<FlowState> states, @Nullable String afterId, int limit) {
    List<Scan> scans = new ArrayList<>();
    for (FlowState state : states.isEmpty() ? Set.<FlowState>of() : EnumSet.copyOf(states)) {
      scans.add(
          afterId == null
              ? new Scan("state = " + state.ordinal(), List.of(), "id")
              : new Scan("state = " + state.ordinal() + " AND id > ?", List.of(afterId), "id"));
    }
    return union(scans, "id", limit);
  }

  /** Terminal flows that finished before {@code cutoff}, oldest first. */
  @SuppressWarnings("JavaInstantGetSecondsGetNano") // only the sub-microsecond rest is wanted
  static Query finishedBefore(Instant cutoff, int limit) {
    long micros = EpochMicros.ofPosition(cutoff) + (cutoff.getNano() % 1000 == 0 ? 0 : 1);
    List<Scan> scans = new ArrayList<>();
    for (FlowState state : FlowState.values()) {
      if (state.isTerminal()) {
        scans.add(
            new Scan(
                "state = " + state.ordinal() + " AND finished_us < ?",
                List.of(micros),
                "finished_us, id"));
      }
    }
    return union(scans, "finished_us, id", limit);
  }

  /** An account's flows by creation time: its own index, filtered by state. */
  private static Query accountByCreated(
      FlowPageRequest request, Set<FlowState> states, String dir) {
    StringBuilder where = new StringBuilder("account_id = ?");
    List<Object> parameters = new ArrayList<>(List.of(request.accountId()));
    if (states.size() < FlowState.values().length) {
      where.append(" AND state IN (");
      String separator = "";
      for (FlowState state : EnumSet.copyOf(states)) {
        where.append(separator).append(state.ordinal());
        separator = ", ";
      }
      where.append(')');
    }
    SortPosition after = request.after();
    if (after != null) {
      where.append(" AND (created_us, id)").append(dir.equals(" ASC") ? " > " : " < ");
      where.append("(?, ?)");
      parameters.add(value(after, FlowSortKey.CREATED_AT));
      parameters.add(after.id());
    }
    return union(
        List.of(new Scan(where.toString(), parameters, "created_us" + dir + ", id" + dir)),
        "created_us" + dir + ", id" + dir,
        request.limit());
  }

  private static Query union(List<Scan> scans, String outerOrder, int limit) {
    if (scans.isEmpty()) {
      return new Query("", List.of());
    }
    List<Object> parameters = new ArrayList<>();
    List<String> selects = new ArrayList<>();
    for (Scan scan : scans) {
      selects.add(
          "SELECT "
              + FlowRows.COLUMNS
              + " FROM "
              + FlowRows.TABLE
              + " WHERE "
              + scan.conditions()
              + " ORDER BY "
              + scan.order()
              + " LIMIT ?");
      parameters.addAll(scan.parameters());
      parameters.add(limit);
    }
    if (selects.size() == 1) {
      return new Query(selects.getFirst(), parameters);
    }
    parameters.add(limit);
    return new Query(
        "SELECT "
            + FlowRows.COLUMNS
            + " FROM (("
            + String.join(") UNION ALL (", selects)
            + ")) AS page ORDER BY "
            + outerOrder
            + " LIMIT ?",
        parameters);
  }

  private static List<Object> with(List<Object> head, Object... more) {
    List<Object> all = new ArrayList<>(head);
    all.addAll(List.of(more));
    return all;
  }

  private static @Nullable String column(FlowSortKey key) {
    return switch (key) {
      case STATE -> null;
      case PROGRESS -> "progress";
      case CREATED_AT -> "created_us";
      case STARTED_AT -> "started_us";
      case FINISHED_AT -> "finished_us";
    };
  }

  /** Returns the position's value as the column holds it; null for a missing time. */
  private static @Nullable Object value(SortPosition position, FlowSortKey key) {
    Object value = position.value();
    Class<?> expected =
        switch (key) {
          case STATE -> FlowState.class;
          case PROGRESS -> Double.class;
          case CREATED_AT, STARTED_AT, FINISHED_AT -> Instant.class;
        };
    if (value == null && (key == FlowSortKey.STARTED_AT || key == FlowSortKey.FINISHED_AT)) {
      return null;
    }
    if (!expected.isInstance(value)) {
      throw new IllegalArgumentException(
          "a listing by "
              + key
              + " needs a position holding a "
              + expected.getSimpleName()
              + ", not "
              + value);
    }
    return value instanceof Instant instant ? (Object) EpochMicros.ofPosition(instant) : value;
  }
}
