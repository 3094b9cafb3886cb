package io.flowengine.samples.rest.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.jspecify.annotations.Nullable;

/**
 * Converts {@code additional} user data between the wire, where it is any JSON value, and the
 * engine, which stores it as text (by convention JSON). Stateless.
 */
public final class UserData {
  private static final ObjectMapper PLAIN = new ObjectMapper();

  private UserData() {}

  /** Returns the JSON text to store, or null when the wire value is absent or JSON null. */
  public static @Nullable String toStored(@Nullable JsonNode wire) {
    if (wire == null || wire.isNull() || wire.isMissingNode()) {
      return null;
    }
    return wire.toString();
  }

  /**
   * Returns the wire value of stored user data: the JSON it holds, or, when a Java caller of the
   * same engine stored text that is not JSON, that text as a JSON string.
   */
  public static JsonNode toWire(@Nullable String stored) {
    if (stored == null) {
      return NullNode.getInstance();
    }
    try {
      return PLAIN.readTree(stored);
    } catch (JsonProcessingException notJson) {
      return TextNode.valueOf(stored);
    }
  }
}
