package io.flowengine.jdbc;

import io.flowengine.FlowHistory;
import io.flowengine.FlowState;
import io.flowengine.FlowTransition;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The column forms of the record fields the SQL stores share: a flow's history as text, one line
 * per change ({@code from<TAB>to<TAB>micros<TAB>attempt<TAB>error}, a missing value empty, an error
 * prefixed with {@code =} and its backslash, tab and line breaks escaped), and the idempotency key
 * scoped by its account ({@code account<LF>key}, unique in one column, so that the unique index
 * also holds for flows without an account, whose account column is null). Stateless.
 */
public final class FlowExtras {
  private FlowExtras() {}

  /** Returns {@code history} as text, or null if it is empty. */
  public static @Nullable String encodeHistory(FlowHistory history, String flowId) {
    if (history.transitions().isEmpty()) {
      return null;
    }
    StringBuilder text = new StringBuilder(history.transitions().size() * 32);
    for (FlowTransition change : history.transitions()) {
      if (change.from() != null) {
        text.append(change.from().ordinal());
      }
      text.append('\t').append(change.to().ordinal()).append('\t');
      text.append(EpochMicros.of(change.at(), "flow " + flowId + " history"));
      text.append('\t').append(change.attempt()).append('\t');
      if (change.error() != null) {
        text.append('=');
        escape(change.error(), text);
      }
      text.append('\n');
    }
    return text.toString();
  }

  /**
   * Reads a history written by {@link #encodeHistory}.
   *
   * @throws IllegalArgumentException if the text is not such a history
   */
  public static FlowHistory decodeHistory(@Nullable String text, long dropped) {
    if (text == null || text.isEmpty()) {
      return dropped == 0 ? FlowHistory.EMPTY : new FlowHistory(List.of(), dropped);
    }
    List<FlowTransition> changes = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      if (line.isEmpty()) {
        continue;
      }
      String[] fields = line.split("\t", 5);
      if (fields.length != 5) {
        throw new IllegalArgumentException("malformed history line: " + line);
      }
      String error = fields[4];
      changes.add(
          new FlowTransition(
              fields[0].isEmpty() ? null : state(fields[0]),
              state(fields[1]),
              EpochMicros.toInstant(Long.parseLong(fields[2])),
              Integer.parseInt(fields[3]),
              error.isEmpty() ? null : unescape(error.substring(1))));
    }
    return new FlowHistory(changes, dropped);
  }

  private static FlowState state(String rank) {
    int ordinal = Integer.parseInt(rank);
    if (ordinal < 0 || ordinal >= FlowState.values().length) {
      throw new IllegalArgumentException("unknown state rank " + rank);
    }
    return FlowState.values()[ordinal];
  }

  private static void escape(String value, StringBuilder out) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
  }

  private static String unescape(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != '\\' || i + 1 == value.length()) {
        out.append(c);
        continue;
      }
      char next = value.charAt(++i);
      out.append(
          switch (next) {
            case 't' -> '\t';
            case 'n' -> '\n';
            case 'r' -> '\r';
            default -> next;
          });
    }
    return out.toString();
  }

  /** Returns the stored form of a record's idempotency key, or null if it has none. */
  public static @Nullable String scopedKey(@Nullable String accountId, @Nullable String key) {
    return key == null ? null : (accountId == null ? "" : accountId) + "\n" + key;
  }

  /** Returns the key of a stored form written by {@link #scopedKey}, or null. */
  public static @Nullable String keyOf(@Nullable String scoped) {
    return scoped == null ? null : scoped.substring(scoped.indexOf('\n') + 1);
  }
}
