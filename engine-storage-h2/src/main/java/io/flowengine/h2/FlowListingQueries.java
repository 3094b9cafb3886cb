package io.flowengine.h2;

import static java.util.Objects.requireNonNull;

import io.flowengine.FlowSortKey;
import io.flowengine.FlowState;
import io.flowengine.SortDirection;
import io.flowengine.jdbc.EpochMicros;
import io.flowengine.spi.FlowPageRequest;
import io.flowengine.spi.SortPosition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns a {@link FlowPageRequest} into index range scans: one per state the listing includes (two
 * for a start or finish time, whose missing values sort last: one for the present values, one for
 * the missing ones). Each scan reads its part of an index that starts with the state in the
 * listing's order, continuing strictly after the keyset position, and stops after {@code limit}
 * rows; {@link H2FlowStore} merges them. An account's listing by creation time (the default) reads
 * the account's own index instead; its other listings filter the state indexes by account.
 * Stateless.
 */
final class FlowListingQueries {
  /**
   * One index range scan.
   *
   * @param sql the query, selecting {@link FlowRows#COLUMNS}
   * @param parameters its parameters in order
   */
  record Scan(String sql, List<Object> parameters) {}

  private FlowListingQueries() {}

  static List<Scan> scans(FlowPageRequest request) {
    Set<FlowState> states =
        request.states().isEmpty() ? Set.of(FlowState.values()) : request.states();
    List<Scan> scans = new ArrayList<>();
    if (request.accountId() != null && request.sortBy() == FlowSortKey.CREATED_AT) {
      return accountByCreated(request, states);
    }
    for (FlowState state : states) {
      addScans(scans, request, state);
    }
    return scans;
  }

  private static void addScans(List<Scan> scans, FlowPageRequest request, FlowState state) {
    boolean ascending = request.direction() == SortDirection.ASCENDING;
    String cmp = ascending ? " > ?" : " < ?";
    SortPosition after = request.after();
    String column = column(request.sortBy());
    if (column == null) {
      int order =
          after == null
              ? 0
              : Integer.signum(state.compareTo((FlowState) value(after, request.sortBy())));
      if (after == null) {
        scans.add(scan(request, state, null, null));
      } else if (order == 0) {
        scans.add(scan(request, state, null, "ID" + cmp, after.id()));
      } else if (order == (ascending ? 1 : -1)) {
        scans.add(scan(request, state, null, null));
      }
      return;
    }
    boolean nullable =
        request.sortBy() == FlowSortKey.STARTED_AT || request.sortBy() == FlowSortKey.FINISHED_AT;
    Object afterValue = after == null ? null : value(after, request.sortBy());
    if (after == null) {
      // a bounded range, not IS NOT NULL, so H2 never steps over the nulls at the low end
      scans.add(
          nullable
              ? scan(
                  request,
                  state,
                  column,
                  column + " >= ? AND " + column + " <= ?",
                  Long.MIN_VALUE,
                  Long.MAX_VALUE)
              : scan(request, state, column, null));
    } else if (afterValue != null) {
      scans.add(scan(request, state, column, column + " = ? AND ID" + cmp, afterValue, after.id()));
      scans.add(
          ascending
              ? scan(request, state, column, column + " >= ?", beyond(afterValue, true))
              : scan(
                  request,
                  state,
                  column,
                  column + " <= ? AND " + column + " >= ?",
                  beyond(afterValue, false),
                  Long.MIN_VALUE));
    }
    if (nullable) {
      if (after != null && afterValue == null) {
        scans.add(scan(request, state, column, column + " IS NULL AND ID" + cmp, after.id()));
      } else {
        scans.add(scan(request, state, column, column + " IS NULL"));
      }
    }
  }

  /** An account's flows by creation time: its own index, filtered by state. */
  private static List<Scan> accountByCreated(FlowPageRequest request, Set<FlowState> states) {
    String dir = request.direction() == SortDirection.ASCENDING ? " ASC" : " DESC";
    List<Object> parameters = new ArrayList<>(List.of(request.accountId()));
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(FlowRows.COLUMNS)
            .append(" FROM FLOWS USE INDEX (FLOWS_OF_ACCOUNT_BY_CREATED) WHERE ACCOUNT_ID = ?");
    if (states.size() < FlowState.values().length) {
      sql.append(" AND STATE IN (");
      for (FlowState state : states) {
        sql.append(parameters.size() > 1 ? ", ?" : "?");
        parameters.add(state.ordinal());
      }
      sql.append(')');
    }
    String order = " ORDER BY ACCOUNT_ID" + dir + ", CREATED_US" + dir + ", ID" + dir + " LIMIT ?";
    SortPosition after = request.after();
    if (after == null) {
      return List.of(accountScan(sql + order, parameters, request.limit()));
    }
    boolean ascending = dir.equals(" ASC");
    // Only a missing start or finish time is null; every flow has a creation time.
    Object value = requireNonNull(value(after, FlowSortKey.CREATED_AT));
    return List.of(
        accountScan(
            sql + " AND CREATED_US = ? AND ID" + (ascending ? " > ?" : " < ?") + order,
            parameters,
            value,
            after.id(),
            request.limit()),
        accountScan(
            sql + " AND CREATED_US" + (ascending ? " >= ?" : " <= ?") + order,
            parameters,
            beyond(value, ascending),
            request.limit()));
  }

  private static Scan accountScan(String sql, List<Object> parameters, Object... more) {
    List<Object> all = new ArrayList<>(parameters);
    all.addAll(List.of(more));
    return new Scan(sql, all);
  }

  /**
   * Returns the value next to {@code value} in the listing's direction: {@code K >= beyond(v)}
   * selects exactly the values after {@code v}, and H2 starts the index range there instead of
   * stepping over every row equal to {@code v}, as it does for {@code K > v}.
   */
  private static Object beyond(Object value, boolean ascending) {
    return switch (value) {
      case Double d -> ascending ? Math.nextUp(d) : Math.nextDown(d);
      case Long l ->
          ascending ? (l == Long.MAX_VALUE ? l : l + 1) : (l == Long.MIN_VALUE ? l : l - 1);
      default -> throw new IllegalArgumentException("not a column value: " + value);
    };
  }

  private static Scan scan(
      FlowPageRequest request,
      FlowState state,
      @Nullable String column,
      @Nullable String condition,
      Object... conditionParameters) {
    String dir = request.direction() == SortDirection.ASCENDING ? " ASC" : " DESC";
    List<Object> parameters = new ArrayList<>();
    String index =
        column == null
            ? (request.accountId() != null ? "FLOWS_OF_ACCOUNT_BY_STATE" : "FLOWS_BY_STATE")
            : "FLOWS_BY_" + request.sortBy().name().replace("_AT", "");
    // the hint keeps H2 from choosing a shorter index and sorting what it reads
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(FlowRows.COLUMNS)
            .append(" FROM FLOWS USE INDEX (")
            .append(index)
            .append(") WHERE ");
    StringBuilder order = new StringBuilder(" ORDER BY ");
    if (request.accountId() != null) {
      sql.append("ACCOUNT_ID = ? AND ");
      parameters.add(request.accountId());
      if (column == null) {
        order.append("ACCOUNT_ID").append(dir).append(", ");
      }
    }
    sql.append("STATE = ?");
    parameters.add(state.ordinal());
    order.append("STATE").append(dir).append(", ");
    if (column != null) {
      order.append(column).append(dir).append(", ");
    }
    order.append("ID").append(dir);
    if (condition != null) {
      sql.append(" AND ").append(condition);
      parameters.addAll(List.of(conditionParameters));
    }
    sql.append(order).append(" LIMIT ?");
    parameters.add(request.limit());
    return new Scan(sql.toString(), parameters);
  }

  private static @Nullable String column(FlowSortKey key) {
    return switch (key) {
      case STATE -> null;
      case PROGRESS -> "PROGRESS";
      case CREATED_AT -> "CREATED_US";
      case STARTED_AT -> "STARTED_US";
      case FINISHED_AT -> "FINISHED_US";
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
