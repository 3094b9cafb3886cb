package io.flowengine.samples.gltf;

import java.util.List;
import java.util.Map;

/** Typed reads of values in a parsed glTF JSON object. Stateless. */
final class JsonFields {
  private JsonFields() {}

  static int integer(Map<String, Object> object, String key, int fallback) {
    Object value = object.get(key);
    if (value instanceof Long number && number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE) {
      return number.intValue();
    }
    return fallback;
  }

  static double number(Map<String, Object> object, String key, double fallback) {
    return object.get(key) instanceof Number number ? number.doubleValue() : fallback;
  }

  static String string(Map<String, Object> object, String key, String fallback) {
    return object.get(key) instanceof String text ? text : fallback;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> object(Map<String, Object> object, String key) {
    return object.get(key) instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  static double[] numbers(Map<String, Object> object, String key) {
    if (!(object.get(key) instanceof List<?> list)) {
      return null;
    }
    double[] out = new double[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i) instanceof Number n ? n.doubleValue() : Double.NaN;
    }
    return out;
  }
}
