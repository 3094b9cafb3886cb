package io.flowengine.samples.text;

import static java.util.Objects.requireNonNull;

/**
 * A closed polygon outline: x, y pairs, the last point joined to the first, without repeating it.
 * The array is not copied and never modified after construction; immutable and thread-safe under
 * that rule.
 *
 * @param xy the points as x0, y0, x1, y1, ...
 */
@SuppressWarnings("ArrayRecordComponent") // outline points, never compared or hashed by value
public record Ring(double[] xy) {
  /**
   * Checks there are at least three points.
   *
   * @throws IllegalArgumentException if there are fewer, or the array length is odd
   */
  public Ring {
    requireNonNull(xy, "xy");
    if (xy.length % 2 != 0 || xy.length < 6) {
      throw new IllegalArgumentException("a ring needs at least 3 points: " + xy.length / 2);
    }
  }

  /** Returns the number of points. */
  public int size() {
    return xy.length / 2;
  }

  /** Returns x of point {@code i}. */
  public double x(int i) {
    return xy[2 * i];
  }

  /** Returns y of point {@code i}. */
  public double y(int i) {
    return xy[2 * i + 1];
  }

  /** Returns the signed area: positive when counter-clockwise with y up. */
  public double signedArea() {
    double sum = 0;
    int n = size();
    for (int i = 0, j = n - 1; i < n; j = i++) {
      sum += (x(j) - x(i)) * (y(j) + y(i));
    }
    return sum / 2;
  }

  /** Returns whether ({@code px}, {@code py}) lies inside (even-odd rule). */
  public boolean contains(double px, double py) {
    boolean inside = false;
    int n = size();
    for (int i = 0, j = n - 1; i < n; j = i++) {
      double yi = y(i);
      double yj = y(j);
      if ((yi > py) != (yj > py) && px < (x(j) - x(i)) * (py - yi) / (yj - yi) + x(i)) {
        inside = !inside;
      }
    }
    return inside;
  }

  /** Returns this ring with its points in the opposite order. */
  public Ring reversed() {
    int n = size();
    double[] out = new double[xy.length];
    for (int i = 0; i < n; i++) {
      out[2 * i] = x(n - 1 - i);
      out[2 * i + 1] = y(n - 1 - i);
    }
    return new Ring(out);
  }
}
