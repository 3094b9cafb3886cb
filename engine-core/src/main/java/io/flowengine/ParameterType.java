package io.flowengine;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The type of a template parameter, and the Java type its values have once validated: {@link
 * String}, {@link Long}, {@link Double} or {@link Boolean}. Immutable and thread-safe.
 */
public enum ParameterType {
  /** Text, as {@link String}. */
  STRING(String.class),
  /** A whole number, as {@link Long}. */
  INTEGER(Long.class),
  /** A finite floating-point number, as {@link Double}. */
  NUMBER(Double.class),
  /** {@code true} or {@code false}, as {@link Boolean}. */
  BOOLEAN(Boolean.class);

  private final Class<?> javaType;

  ParameterType(Class<?> javaType) {
    this.javaType = javaType;
  }

  /** Returns the Java type of validated values of this type. */
  public Class<?> javaType() {
    return javaType;
  }

  /**
   * Converts a raw value to this type's Java type, if it is a value of this type: integers ({@code
   * Byte}, {@code Short}, {@code Integer}, {@code Long}, a {@code BigInteger} that fits) become
   * {@link Long}; any finite number becomes {@link Double} for {@link #NUMBER}. Text is never
   * parsed: {@code "5"} is not an integer.
   *
   * @return the converted value, or empty if {@code value} is not of this type (including NaN and
   *     infinite numbers)
   * @throws NullPointerException if {@code value} is null
   */
  public Optional<Object> coerce(Object value) {
    return Optional.ofNullable(
        switch (this) {
          case STRING -> value instanceof String ? value : null;
          case BOOLEAN -> value instanceof Boolean ? value : null;
          case INTEGER -> toLong(value);
          case NUMBER -> toFiniteDouble(value);
        });
  }

  private static @Nullable Long toLong(Object value) {
    if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger big && big.bitLength() < Long.SIZE) {
      return big.longValue();
    }
    return null;
  }

  private static @Nullable Double toFiniteDouble(Object value) {
    if (value instanceof Number number) {
      double d = number.doubleValue();
      return Double.isFinite(d) ? d : null;
    }
    return null;
  }

  /** Returns the lower-case name used on the wire, e.g. {@code "integer"}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
