package io.flowengine.internal;

import io.flowengine.FlowSortKey;
import io.flowengine.FlowState;
import io.flowengine.InvalidRequestException;
import io.flowengine.SortDirection;
import io.flowengine.spi.SortPosition;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Encodes a listing position as an opaque URL-safe cursor ({@code v1|key|direction|value|id} in
 * base64url) and decodes it again, refusing cursors that are malformed or belong to another sort
 * order. Stateless.
 */
final class KeysetCursor {
  private static final String VERSION = "v1";
  private static final String NONE = "-";

  private KeysetCursor() {}

  static String encode(FlowSortKey key, SortDirection direction, SortPosition position) {
    String text =
        String.join(
            "|", VERSION, key.name(), direction.name(), valueText(position.value()), position.id());
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Decodes a cursor of a listing by {@code key} in {@code direction}.
   *
   * @throws InvalidRequestException if the cursor is malformed or from another sort order
   */
  static SortPosition decode(String cursor, FlowSortKey key, SortDirection direction) {
    String[] parts;
    try {
      parts =
          new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
              .split("\\|", -1);
    } catch (IllegalArgumentException e) {
      throw malformed();
    }
    if (parts.length != 5 || !parts[0].equals(VERSION) || !IdGenerator.isWellFormed(parts[4])) {
      throw malformed();
    }
    if (!parts[1].equals(key.name()) || !parts[2].equals(direction.name())) {
      throw new InvalidRequestException(
          "cursor",
          "the cursor belongs to a listing sorted by "
              + parts[1].toLowerCase(Locale.ROOT)
              + " "
              + parts[2].toLowerCase(Locale.ROOT)
              + ", not by "
              + key.wireName()
              + " "
              + direction.name().toLowerCase(Locale.ROOT));
    }
    try {
      return new SortPosition(value(key, parts[3]), parts[4]);
    } catch (RuntimeException e) {
      throw malformed();
    }
  }

  private static String valueText(@Nullable Object value) {
    return switch (value) {
      case null -> NONE;
      case FlowState state -> state.name();
      default -> value.toString(); // Double and Instant print in a form they parse back exactly
    };
  }

  private static @Nullable Object value(FlowSortKey key, String text) {
    if (text.equals(NONE)) {
      if (key == FlowSortKey.STARTED_AT || key == FlowSortKey.FINISHED_AT) {
        return null;
      }
      throw new IllegalArgumentException("missing value");
    }
    return switch (key) {
      case STATE -> FlowState.valueOf(text);
      case PROGRESS -> Double.valueOf(text);
      case CREATED_AT, STARTED_AT, FINISHED_AT -> Instant.parse(text);
    };
  }

  private static InvalidRequestException malformed() {
    return new InvalidRequestException(
        "cursor", "malformed cursor; pass a page's nextCursor unchanged");
  }
}
