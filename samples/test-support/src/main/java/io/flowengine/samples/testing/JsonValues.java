package io.flowengine.samples.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Typed reads of values in a glTF JSON tree, with a fallback for absent or mistyped ones. */
final class JsonValues {
  private JsonValues() {}

  static int integer(JsonNode object, String key, int fallback) {
    JsonNode value = object.get(key);
    return value != null && value.isIntegralNumber() && value.canConvertToInt()
        ? value.intValue()
        : fallback;
  }

  /** Returns the object {@code key}, or a node without fields if it is absent or no object. */
  static JsonNode object(JsonNode object, String key) {
    JsonNode value = object.get(key);
    return value != null && value.isObject() ? value : MissingNode.getInstance();
  }

  /** Returns the elements of array {@code key}; empty if it is absent or no array. */
  static List<JsonNode> elements(JsonNode object, String key) {
    JsonNode value = object.get(key);
    List<JsonNode> out = new ArrayList<>();
    if (value != null && value.isArray()) {
      value.forEach(out::add);
    }
    return out;
  }

  /** Returns the numbers of array {@code key} (NaN for a non-number), or null without one. */
  static double @Nullable [] numbers(JsonNode object, String key) {
    JsonNode value = object.get(key);
    if (value == null || !value.isArray()) {
      return null;
    }
    double[] out = new double[value.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = value.get(i).isNumber() ? value.get(i).doubleValue() : Double.NaN;
    }
    return out;
  }

  /** Returns {@code value} as an index if it is a non-negative int, else -1. */
  static int index(@Nullable JsonNode value) {
    return value != null
            && value.isIntegralNumber()
            && value.canConvertToInt()
            && value.intValue() >= 0
        ? value.intValue()
        : -1;
  }
}
