package io.flowengine.spi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The {@code limit} smallest of the elements offered to it, in a heap whose top is the largest
 * kept: an element that would not make the cut costs one comparison, so picking a page out of n
 * elements costs O(n) comparisons plus O(page log page), not a sort of all n. Not thread-safe: one
 * per scan.
 *
 * @param <T> the elements
 */
final class SmallestSelection<T> {
  private final Comparator<? super T> order;
  private final int limit;
  private final PriorityQueue<T> kept;

  /**
   * Creates an empty selection.
   *
   * @throws IllegalArgumentException if {@code limit} is negative
   */
  SmallestSelection(Comparator<? super T> order, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative: " + limit);
    }
    this.order = order;
    this.limit = limit;
    this.kept = new PriorityQueue<>(Math.min(limit, 1024) + 1, order.reversed());
  }

  /** Keeps {@code element} if it is among the {@code limit} smallest offered so far. */
  void offer(T element) {
    if (kept.size() < limit) {
      kept.add(element);
    } else if (limit > 0 && order.compare(element, kept.peek()) < 0) {
      kept.poll();
      kept.add(element);
    }
  }

  /** Returns the kept elements, smallest first. */
  List<T> sorted() {
    List<T> result = new ArrayList<>(kept);
    result.sort(order);
    return result;
  }
}
