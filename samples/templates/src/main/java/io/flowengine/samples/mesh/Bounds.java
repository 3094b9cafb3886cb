package io.flowengine.samples.mesh;

/**
 * An axis-aligned box. Immutable and thread-safe.
 *
 * @param minX smallest x
 * @param minY smallest y
 * @param minZ smallest z
 * @param maxX largest x
 * @param maxY largest y
 * @param maxZ largest z
 */
public record Bounds(float minX, float minY, float minZ, float maxX, float maxY, float maxZ) {

  /** Returns the bounds of {@code xyz} (x, y, z triples); all zero if it is empty. */
  public static Bounds of(float[] xyz) {
    if (xyz.length < 3) {
      return new Bounds(0, 0, 0, 0, 0, 0);
    }
    float[] min = {Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY};
    float[] max = {Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY};
    for (int i = 0; i + 2 < xyz.length; i += 3) {
      for (int k = 0; k < 3; k++) {
        min[k] = Math.min(min[k], xyz[i + k]);
        max[k] = Math.max(max[k], xyz[i + k]);
      }
    }
    return new Bounds(min[0], min[1], min[2], max[0], max[1], max[2]);
  }

  /** Returns the smallest box holding both. */
  public Bounds union(Bounds other) {
    return new Bounds(
        Math.min(minX, other.minX),
        Math.min(minY, other.minY),
        Math.min(minZ, other.minZ),
        Math.max(maxX, other.maxX),
        Math.max(maxY, other.maxY),
        Math.max(maxZ, other.maxZ));
  }

  /** Returns the length of the box's diagonal. */
  public double diagonal() {
    double dx = maxX - minX;
    double dy = maxY - minY;
    double dz = maxZ - minZ;
    return Math.sqrt(dx * dx + dy * dy + dz * dz);
  }

  /** Returns the centre along {@code axis} (0 = x, 1 = y, 2 = z). */
  public double center(int axis) {
    return switch (axis) {
      case 0 -> (minX + maxX) / 2.0;
      case 1 -> (minY + maxY) / 2.0;
      case 2 -> (minZ + maxZ) / 2.0;
      default -> throw new IllegalArgumentException("axis must be 0, 1 or 2: " + axis);
    };
  }
}
