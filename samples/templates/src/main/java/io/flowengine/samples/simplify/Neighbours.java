package io.flowengine.samples.simplify;

import java.util.Arrays;

/**
 * The position classes around one collapse, in the order first seen, with how many of the
 * collapsing vertex's triangles each is on and whether it is also a neighbour of the target. A few
 * classes are found by a scan; more (around a pole, say) by an open-addressing table sized to the
 * neighbourhood, not to the mesh, emptied in constant time by a generation stamp per slot. Reused
 * from collapse to collapse; not thread-safe.
 */
final class Neighbours {
  /** Up to this many classes a scan is faster than the table. */
  private static final int SCANNED = 16;

  int[] classes = new int[32];
  int[] use = new int[32];
  boolean[] nearTarget = new boolean[32];
  int count;

  private int[] slotClass = new int[64];
  private int[] slotEntry = new int[64];
  private int[] slotStamp = new int[64];
  private int stamp;

  /** Forgets every class. */
  void clear() {
    count = 0;
    if (++stamp == 0) {
      Arrays.fill(slotStamp, 0);
      stamp = 1;
    }
  }

  /** Counts one more triangle of the collapsing vertex on class {@code q}. */
  void count(int q) {
    int entry = find(q);
    if (entry >= 0) {
      use[entry]++;
      return;
    }
    if (count >= SCANNED && 2 * (count + 1) > slotClass.length) {
      grow();
    }
    if (count == classes.length) {
      classes = Arrays.copyOf(classes, count * 2);
      use = Arrays.copyOf(use, count * 2);
      nearTarget = Arrays.copyOf(nearTarget, count * 2);
    }
    classes[count] = q;
    use[count] = 1;
    nearTarget[count] = false;
    if (count == SCANNED) {
      for (int i = 0; i < count; i++) {
        insert(classes[i], i);
      }
    }
    if (count >= SCANNED) {
      insert(q, count);
    }
    count++;
  }

  /** Marks class {@code q}, if it is listed, as a neighbour of the collapse's target too. */
  void markNearTarget(int q) {
    int entry = find(q);
    if (entry >= 0) {
      nearTarget[entry] = true;
    }
  }

  /** Returns how many times {@code q} was counted (0 if never). */
  int uses(int q) {
    int entry = find(q);
    return entry < 0 ? 0 : use[entry];
  }

  /** Whether some class was counted exactly once. */
  boolean anySeenOnce() {
    for (int i = 0; i < count; i++) {
      if (use[i] == 1) {
        return true;
      }
    }
    return false;
  }

  private int find(int q) {
    if (count <= SCANNED) {
      for (int i = 0; i < count; i++) {
        if (classes[i] == q) {
          return i;
        }
      }
      return -1;
    }
    int mask = slotClass.length - 1;
    for (int slot = mix(q) & mask; slotStamp[slot] == stamp; slot = (slot + 1) & mask) {
      if (slotClass[slot] == q) {
        return slotEntry[slot];
      }
    }
    return -1;
  }

  private void insert(int q, int entry) {
    int mask = slotClass.length - 1;
    int slot = mix(q) & mask;
    while (slotStamp[slot] == stamp) {
      slot = (slot + 1) & mask;
    }
    slotStamp[slot] = stamp;
    slotClass[slot] = q;
    slotEntry[slot] = entry;
  }

  private void grow() {
    int capacity = slotClass.length * 2;
    slotClass = new int[capacity];
    slotEntry = new int[capacity];
    slotStamp = new int[capacity];
    stamp = 1;
    for (int i = 0; i < count; i++) {
      insert(classes[i], i);
    }
  }

  private static int mix(int q) {
    int h = q * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
