package io.flowengine;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Validated parameter values of a flow, by name, with the template's defaults applied. Values are
 * {@link String}, {@link Long}, {@link Double} or {@link Boolean} (see {@link ParameterType}).
 * Immutable and thread-safe.
 *
 * @param values the values by name, in the order of the template's parameter specs
 */
public record Parameters(Map<String, Object> values) {

  private static final Parameters EMPTY = new Parameters(Map.of());

  /**
   * Creates parameters from already typed values.
   *
   * @throws NullPointerException if a name or value is null
   * @throws IllegalArgumentException if a value is not a String, Long, Double or Boolean
   */
  public Parameters {
    values.forEach(
        (name, value) -> {
          requireNonNull(name, "name");
          requireNonNull(value, () -> "value of " + name);
          if (!(value instanceof String
              || value instanceof Long
              || value instanceof Double
              || value instanceof Boolean)) {
            throw new IllegalArgumentException(
                "parameter " + name + " has a value of unsupported type " + value.getClass());
          }
        });
    values = ImmutableMap.copyOf(values);
  }

  /** Returns parameters without any value. */
  public static Parameters empty() {
    return EMPTY;
  }

  /** Returns the parameter names. */
  public Set<String> names() {
    return values.keySet();
  }

  /** Returns the value of {@code name}, if set. */
  public Optional<Object> get(String name) {
    return Optional.ofNullable(values.get(requireNonNull(name, "name")));
  }

  /**
   * Returns a string parameter.
   *
   * @throws IllegalArgumentException if it is absent or not a string
   */
  public String getString(String name) {
    return typed(name, String.class);
  }

  /**
   * Returns an integer parameter.
   *
   * @throws IllegalArgumentException if it is absent or not an integer
   */
  public long getLong(String name) {
    return typed(name, Long.class);
  }

  /**
   * Returns a number parameter; an integer parameter is widened.
   *
   * @throws IllegalArgumentException if it is absent or not a number
   */
  public double getDouble(String name) {
    return typed(name, Number.class).doubleValue();
  }

  /**
   * Returns a boolean parameter.
   *
   * @throws IllegalArgumentException if it is absent or not a boolean
   */
  public boolean getBoolean(String name) {
    return typed(name, Boolean.class);
  }

  private <T> T typed(String name, Class<T> type) {
    Object value = values.get(requireNonNull(name, "name"));
    if (value == null) {
      throw new IllegalArgumentException("parameter " + name + " is not set; set: " + names());
    }
    if (!type.isInstance(value)) {
      throw new IllegalArgumentException(
          "parameter "
              + name
              + " is a "
              + value.getClass().getSimpleName()
              + ", not a "
              + type.getSimpleName());
    }
    return type.cast(value);
  }
}
