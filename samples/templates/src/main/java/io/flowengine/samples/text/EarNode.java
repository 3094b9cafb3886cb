package io.flowengine.samples.text;

import org.jspecify.annotations.Nullable;

/** A vertex in the circular doubly linked polygon list {@link EarClipper} cuts ears from. */
final class EarNode {
  final int index;
  final double x;
  final double y;
  EarNode prev;
  EarNode next;
  boolean steiner;

  EarNode(int index, double x, double y) {
    this.index = index;
    this.x = x;
    this.y = y;
    this.prev = this;
    this.next = this;
  }

  /** Inserts a new node after {@code last} (or alone, if last is null) and returns it. */
  static EarNode insertAfter(int index, double x, double y, @Nullable EarNode last) {
    EarNode p = new EarNode(index, x, y);
    if (last != null) {
      p.next = last.next;
      p.prev = last;
      last.next.prev = p;
      last.next = p;
    }
    return p;
  }

  void remove() {
    next.prev = prev;
    prev.next = next;
  }

  boolean samePlace(EarNode other) {
    return x == other.x && y == other.y;
  }

  /** Twice the signed area of triangle p, q, r; negative when counter-clockwise (y up). */
  static double area(EarNode p, EarNode q, EarNode r) {
    return (q.y - p.y) * (r.x - q.x) - (q.x - p.x) * (r.y - q.y);
  }

  /**
   * Links {@code a} to {@code b} with a diagonal, splitting the polygon in two; returns the copy of
   * {@code b} that starts the second polygon.
   */
  static EarNode split(EarNode a, EarNode b) {
    EarNode a2 = new EarNode(a.index, a.x, a.y);
    EarNode b2 = new EarNode(b.index, b.x, b.y);
    EarNode an = a.next;
    EarNode bp = b.prev;
    a.next = b;
    b.prev = a;
    a2.next = an;
    an.prev = a2;
    b2.next = a2;
    a2.prev = b2;
    bp.next = b2;
    b2.prev = bp;
    return b2;
  }
}
