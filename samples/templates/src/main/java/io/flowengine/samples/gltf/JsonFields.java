package io.flowengine.samples.gltf;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ValueNode;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The glTF JSON chunk as a Jackson tree: the one mapper that parses and writes it, and typed reads
 * of values that fall back when a value is absent or of another JSON type. Stateless and
 * thread-safe (the mapper is configured once and never changed).
 */
final class JsonFields {
  private static final int MAX_DEPTH = 256;
  private static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                  .build())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private JsonFields() {}

  /**
   * Parses a complete JSON text.
   *
   * @throws JsonProcessingException if it is not JSON, with Jackson's line and column
   */
  static JsonNode parse(String text) throws JsonProcessingException {
    return MAPPER.readTree(text);
  }

  /** Returns {@code tree} as compact UTF-8 JSON, keys in insertion order. */
  static byte[] write(JsonNode tree) {
    try {
      return MAPPER.writeValueAsBytes(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree the writer built cannot be written", e);
    }
  }

  /**
   * Returns a number node for {@code value}: integral values below 10^15 as integers (glTF readers
   * expect {@code 1}, not {@code 1.0}), others as the shortest decimal that reads back as the same
   * double. A float widened to double therefore reads back as the very same float, which glTF
   * accessor {@code min}/{@code max} need.
   *
   * @throws IllegalArgumentException if {@code value} is not finite (JSON has no such number)
   */
  static ValueNode number(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("JSON has no representation of " + value);
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return JsonNodeFactory.instance.numberNode((long) value);
    }
    return JsonNodeFactory.instance.numberNode(value);
  }

  static int integer(JsonNode object, String key, int fallback) {
    JsonNode value = object.get(key);
    return value != null && value.isIntegralNumber() && value.canConvertToInt()
        ? value.intValue()
        : fallback;
  }

  static double number(JsonNode object, String key, double fallback) {
    JsonNode value = object.get(key);
    return value != null && value.isNumber() ? value.doubleValue() : fallback;
  }

  static String string(JsonNode object, String key, String fallback) {
    JsonNode value = object.get(key);
    return value != null && value.isTextual() ? value.textValue() : fallback;
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
      JsonNode element = value.get(i);
      out[i] = element.isNumber() ? element.doubleValue() : Double.NaN;
    }
    return out;
  }

  /** Returns {@code value} as an index if it is a non-negative integer in int range, else -1. */
  static int index(JsonNode value) {
    return value.isIntegralNumber() && value.canConvertToInt() && value.intValue() >= 0
        ? value.intValue()
        : -1;
  }
}
