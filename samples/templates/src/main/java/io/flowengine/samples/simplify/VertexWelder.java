package io.flowengine.samples.simplify;

import io.flowengine.samples.mesh.Mesh;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * Finds, in one pass over a mesh's vertices, which vertices share a position and which share every
 * attribute too. Positions go through an open-addressing hash table that keeps each entry's hash
 * beside its vertex, so a probe reads another vertex's position only when the hashes agree; the
 * attribute vertices of one position are then told apart along a short chain of them (a seam has a
 * few). The top bit of the hash splits the vertices, and the table, in two halves that two threads
 * weld at once, each in vertex order: equal positions hash alike, so the result is the same as one
 * thread's. Stateless.
 */
final class VertexWelder {
  private VertexWelder() {}

  /**
   * The classes of a mesh's vertices.
   *
   * @param position for each vertex, the lowest vertex at the same position (bit for bit)
   * @param wedge for each vertex, the lowest vertex equal to it in position, normal and texture
   *     coordinates
   */
  @SuppressWarnings("ArrayRecordComponent") // one entry per vertex, never compared by value
  record Welded(int[] position, int[] wedge) {}

  /** Returns the position and attribute classes of {@code mesh}'s vertices. */
  static Welded weld(Mesh mesh) {
    int count = mesh.vertexCount();
    // An entry is the position's hash (high half) and its first vertex + 1 (0: empty slot).
    long[] table = new long[Integer.highestOneBit(Math.max(4, count * 2 - 1)) << 1];
    int[] position = new int[count];
    int[] wedge = new int[count];
    // The next attribute vertex at the same position, in vertex order (-1: none).
    int[] nextWedge = new int[count];
    // Every vertex starts in classes of its own, so the halves write only for repeated values
    // (rare), not side by side on every vertex.
    for (int v = 0; v < count; v++) {
      position[v] = v;
      wedge[v] = v;
      nextWedge[v] = -1;
    }
    IntStream.range(0, 2)
        .parallel()
        .forEach(half -> weldHalf(mesh, half, table, position, wedge, nextWedge));
    return new Welded(position, wedge);
  }

  /** Welds the vertices whose hash has top bit {@code half}, in that half of {@code table}. */
  private static void weldHalf(
      Mesh mesh, int half, long[] table, int[] position, int[] wedge, int[] nextWedge) {
    float[] p = mesh.positions();
    float[] normals = mesh.normals();
    float[] texCoords = mesh.texCoords();
    int size = table.length / 2;
    int base = half * size;
    int mask = size - 1;
    for (int v = 0; v < position.length; v++) {
      int hash = hash(p, v);
      if ((hash >>> 31) != half) {
        continue;
      }
      int slot = hash & mask;
      while (true) {
        long entry = table[base + slot];
        if (entry == 0) {
          table[base + slot] = ((long) hash << 32) | (v + 1);
          break;
        }
        int first = (int) entry - 1;
        if ((int) (entry >>> 32) == hash && same(p, 3, v, first)) {
          position[v] = first;
          int w = wedgeOf(v, first, nextWedge, normals, texCoords);
          if (w != v) {
            wedge[v] = w;
          }
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
  }

  /**
   * Returns the attribute vertex among those at position {@code first} that equals {@code v},
   * appending {@code v} to their chain if none does.
   */
  private static int wedgeOf(
      int v, int first, int[] nextWedge, float @Nullable [] normals, float @Nullable [] texCoords) {
    int w = first;
    while (!same(normals, 3, v, w) || !same(texCoords, 2, v, w)) {
      if (nextWedge[w] < 0) {
        nextWedge[w] = v;
        return v;
      }
      w = nextWedge[w];
    }
    return w;
  }

  private static int hash(float[] p, int v) {
    int h = 0x9E3779B9;
    for (int k = 0; k < 3; k++) {
      h = (h ^ Float.floatToRawIntBits(p[3 * v + k])) * 0x01000193;
      h ^= h >>> 15;
    }
    return h ^ (h >>> 16);
  }

  /** Whether vertices v and w have bitwise equal values in {@code data} (true if it is null). */
  private static boolean same(float @Nullable [] data, int width, int v, int w) {
    if (data == null) {
      return true;
    }
    for (int k = 0; k < width; k++) {
      if (Float.floatToRawIntBits(data[v * width + k])
          != Float.floatToRawIntBits(data[w * width + k])) {
        return false;
      }
    }
    return true;
  }
}
