package io.flowengine.jdbc;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Converts {@link Instant}s to the microseconds since the epoch that the database keeps in {@code
 * BIGINT} columns, and back, exactly: the engine keeps times at microsecond precision, so a finer
 * instant is refused instead of silently rounded. Stateless.
 */
public final class EpochMicros {
  private EpochMicros() {}

  /**
   * Returns {@code instant} in microseconds since the epoch.
   *
   * @throws IllegalArgumentException if it has a part finer than a microsecond or is out of range
   */
  public static long of(Instant instant, String field) {
    if (instant.getNano() % 1000 != 0) {
      throw new IllegalArgumentException(
          field + " must be at microsecond precision, was " + instant);
    }
    try {
      return Math.addExact(
          Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(field + " is out of range: " + instant, e);
    }
  }

  /**
   * Like {@link #of} for an optional time; null stays null.
   *
   * @throws IllegalArgumentException as {@link #of} does
   */
  public static @Nullable Long ofNullable(@Nullable Instant instant, String field) {
    return instant == null ? null : of(instant, field);
  }

  /** Returns the instant {@code micros} microseconds after the epoch. */
  public static Instant toInstant(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
  }

  /**
   * Returns a listing position's time in whole microseconds, rounded down and saturated at the
   * range of a {@code long}. Positions come from the engine's cursors, which hold whole
   * microseconds; the rounding only affects a hand-made cursor.
   */
  public static long ofPosition(Instant instant) {
    try {
      return Math.addExact(
          Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
    } catch (ArithmeticException e) {
      return instant.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }
}
