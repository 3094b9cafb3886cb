package io.flowengine;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The declaration of one template parameter: name, type, default, whether it is required, allowed
 * values and numeric bounds. Built with {@link #string}, {@link #integer}, {@link #number} or
 * {@link #bool}. Immutable and thread-safe.
 *
 * @param name the parameter name, as used in {@link NewFlow#parameters()}
 * @param type the value type
 * @param description what the parameter does, for listings
 * @param defaultValue the value used when the parameter is not given, or null
 * @param required whether a value must be given (a required parameter has no default)
 * @param allowedValues the only values accepted, or empty for any value of the type
 * @param minimum the smallest accepted value (integer and number only), or null
 * @param maximum the largest accepted value (integer and number only), or null
 */
public record ParameterSpec(
    String name,
    ParameterType type,
    String description,
    @Nullable Object defaultValue,
    boolean required,
    List<Object> allowedValues,
    @Nullable Number minimum,
    @Nullable Number maximum) {

  /**
   * Validates the declaration.
   *
   * @throws IllegalArgumentException if the name is blank, a required parameter has a default,
   *     bounds are given for a non-numeric type or are inverted, or the default or an allowed value
   *     does not satisfy the declaration
   */
  public ParameterSpec {
    requireNonNull(name, "name");
    requireNonNull(type, "type");
    requireNonNull(description, "description");
    checkArgument(!name.isBlank(), "parameter name is blank");
    checkArgument(
        !(required && defaultValue != null), "required parameter %s cannot have a default", name);
    boolean numeric = type == ParameterType.INTEGER || type == ParameterType.NUMBER;
    checkArgument(
        numeric || (minimum == null && maximum == null),
        "parameter %s of type %s cannot have bounds",
        name,
        type.wireName());
    minimum = minimum == null ? null : coerceBound(name, type, minimum);
    maximum = maximum == null ? null : coerceBound(name, type, maximum);
    checkArgument(
        minimum == null || maximum == null || minimum.doubleValue() <= maximum.doubleValue(),
        "parameter %s has minimum %s above maximum %s",
        name,
        minimum,
        maximum);
    List<Object> allowed = new ArrayList<>();
    for (Object value : allowedValues) {
      allowed.add(coerceDeclared(name, type, value, "allowed value"));
    }
    allowedValues = ImmutableList.copyOf(allowed);
    if (defaultValue != null) {
      defaultValue = coerceDeclared(name, type, defaultValue, "default");
    }
    for (Object value : allowedValues) {
      checkArgument(
          violation(value, List.of(), minimum, maximum).isEmpty(),
          "allowed value %s of %s is out of bounds",
          value,
          name);
    }
    if (defaultValue != null) {
      Optional<String> problem = violation(defaultValue, allowedValues, minimum, maximum);
      checkArgument(problem.isEmpty(), "default of %s: %s", name, problem.orElse(""));
    }
  }

  /** Starts a string parameter. */
  public static Builder string(String name) {
    return new Builder(name, ParameterType.STRING);
  }

  /** Starts an integer parameter (values are {@link Long}). */
  public static Builder integer(String name) {
    return new Builder(name, ParameterType.INTEGER);
  }

  /** Starts a number parameter (values are {@link Double}). */
  public static Builder number(String name) {
    return new Builder(name, ParameterType.NUMBER);
  }

  /** Starts a boolean parameter. */
  public static Builder bool(String name) {
    return new Builder(name, ParameterType.BOOLEAN);
  }

  /**
   * Checks a value already converted to this parameter's Java type against allowed values and
   * bounds.
   *
   * @return a message saying what is wrong, or empty if the value is acceptable
   */
  public Optional<String> violation(Object typedValue) {
    return violation(typedValue, allowedValues, minimum, maximum);
  }

  private static Optional<String> violation(
      Object typedValue,
      List<Object> allowedValues,
      @Nullable Number minimum,
      @Nullable Number maximum) {
    if (!allowedValues.isEmpty() && !allowedValues.contains(typedValue)) {
      return Optional.of("must be one of " + allowedValues + ", was " + typedValue);
    }
    if (typedValue instanceof Number number) {
      if (minimum != null && compare(number, minimum) < 0) {
        return Optional.of("must be at least " + minimum + ", was " + typedValue);
      }
      if (maximum != null && compare(number, maximum) > 0) {
        return Optional.of("must be at most " + maximum + ", was " + typedValue);
      }
    }
    return Optional.empty();
  }

  private static int compare(Number a, Number b) {
    if (a instanceof Long x && b instanceof Long y) {
      return Long.compare(x, y);
    }
    return Double.compare(a.doubleValue(), b.doubleValue());
  }

  private static Number coerceBound(String name, ParameterType type, Number bound) {
    return (Number) coerceDeclared(name, type, bound, "bound");
  }

  private static Object coerceDeclared(String name, ParameterType type, Object value, String what) {
    requireNonNull(value, what);
    return type.coerce(value)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    what + " " + value + " of parameter " + name + " is not a " + type.wireName()));
  }

  /** Builds a {@link ParameterSpec}. Not thread-safe; {@link #build()} validates. */
  public static final class Builder {
    private final String name;
    private final ParameterType type;
    private String description = "";
    private @Nullable Object defaultValue;
    private boolean required;
    private final List<Object> allowedValues = new ArrayList<>();
    private @Nullable Number minimum;
    private @Nullable Number maximum;

    private Builder(String name, ParameterType type) {
      this.name = requireNonNull(name, "name");
      this.type = type;
    }

    /** Sets the description shown in template listings. */
    public Builder description(String description) {
      this.description = requireNonNull(description, "description");
      return this;
    }

    /** Sets the value used when the parameter is not given. */
    public Builder defaultValue(Object defaultValue) {
      this.defaultValue = requireNonNull(defaultValue, "defaultValue");
      return this;
    }

    /** Makes the parameter required: a flow must give it. */
    public Builder required() {
      this.required = true;
      return this;
    }

    /** Restricts the parameter to these values. */
    public Builder allowedValues(Object... values) {
      for (Object value : values) {
        allowedValues.add(requireNonNull(value, "allowed value"));
      }
      return this;
    }

    /** Sets the smallest accepted value. */
    public Builder min(Number minimum) {
      this.minimum = requireNonNull(minimum, "minimum");
      return this;
    }

    /** Sets the largest accepted value. */
    public Builder max(Number maximum) {
      this.maximum = requireNonNull(maximum, "maximum");
      return this;
    }

    /**
     * Returns the spec.
     *
     * @throws IllegalArgumentException if the declaration is inconsistent
     */
    public ParameterSpec build() {
      return new ParameterSpec(
          name, type, description, defaultValue, required, allowedValues, minimum, maximum);
    }
  }
}
