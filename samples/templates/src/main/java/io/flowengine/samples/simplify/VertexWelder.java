package io.flowengine.samples.simplify;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * Finds vertices whose values are bitwise equal, with an open-addressing hash table over vertex
 * indices: for each vertex, the first vertex with the same values. Stateless.
 */
final class VertexWelder {
  private VertexWelder() {}

  /**
   * Returns, for each vertex, the lowest-numbered vertex whose every listed attribute equals its
   * own bit for bit.
   *
   * @param count the number of vertices
   * @param attributes per-vertex arrays with their widths: {@code float[] data, Integer width}
   *     pairs; null arrays are skipped
   */
  static int[] weld(int count, @Nullable Object... attributes) {
    int capacity = Integer.highestOneBit(Math.max(4, count * 2 - 1)) << 1;
    int[] table = new int[capacity];
    java.util.Arrays.fill(table, -1);
    int[] first = new int[count];
    for (int v = 0; v < count; v++) {
      int slot = hash(v, attributes) & (capacity - 1);
      while (true) {
        int other = table[slot];
        if (other < 0) {
          table[slot] = v;
          first[v] = v;
          break;
        }
        if (same(v, other, attributes)) {
          first[v] = other;
          break;
        }
        slot = (slot + 1) & (capacity - 1);
      }
    }
    return first;
  }

  private static int hash(int v, @Nullable Object[] attributes) {
    int h = 0x9E3779B9;
    for (int a = 0; a < attributes.length; a += 2) {
      float[] data = (float[]) attributes[a];
      if (data == null) {
        continue;
      }
      int width = (Integer) requireNonNull(attributes[a + 1], "width"); // only arrays may be null
      for (int k = 0; k < width; k++) {
        h = (h ^ Float.floatToRawIntBits(data[v * width + k])) * 0x01000193;
        h ^= h >>> 15;
      }
    }
    return h ^ (h >>> 16);
  }

  private static boolean same(int v, int w, @Nullable Object[] attributes) {
    for (int a = 0; a < attributes.length; a += 2) {
      float[] data = (float[]) attributes[a];
      if (data == null) {
        continue;
      }
      int width = (Integer) requireNonNull(attributes[a + 1], "width"); // only arrays may be null
      for (int k = 0; k < width; k++) {
        if (Float.floatToRawIntBits(data[v * width + k])
            != Float.floatToRawIntBits(data[w * width + k])) {
          return false;
        }
      }
    }
    return true;
  }
}
