package io.flowengine.samples.simplify;

import io.flowengine.samples.WorkMonitor;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Performs one pass's collapses from its candidates, sorted cheapest first (float cost bits, then
 * class: see {@link MeshSimplifier}). Which collapses a pass attempts is decided in cost order: a
 * candidate is chosen when neither of its ends is an end of a cheaper chosen one, so every class
 * takes part in at most one collapse. The chosen collapses are then checked and performed in order
 * of their class, so consecutive collapses touch neighbouring memory instead of jumping across the
 * mesh as cost order does; since no two share an end, the order changes only what the checks of
 * neighbouring collapses see. First two halves of the classes do so at once, each taking the
 * collapses that look at its own classes only ({@link OwnedCollapses}); then one thread takes the
 * rest in class order. A refused collapse frees its ends, and the candidates it kept out are tried
 * afterwards in cost order. A pass whose chosen collapses would reach the target on their own (the
 * last one, typically) runs in cost order instead, so that the cheapest are the ones done. The
 * outcome does not depend on how many threads run the halves. Reuses its state between passes; not
 * thread-safe.
 */
final class CollapsePass {
  private static final double COST_SLACK = 1.5;

  /** Words of the chosen bitmap (64 classes each) a half takes between two checkpoints. */
  private static final int ROUND_WORDS = 1024;

  private final CollapseState state;
  private final CollapseCheck check;
  private final long[] chosen;
  private final OwnedCollapses[] halves;

  CollapsePass(CollapseState state) {
    this.state = state;
    this.check = new CollapseCheck(state);
    this.chosen = new long[(state.position.length + 63) >>> 6];
    int split = chosen.length / 2;
    this.halves =
        new OwnedCollapses[] {
          new OwnedCollapses(state, chosen, 0, split),
          new OwnedCollapses(state, chosen, split, chosen.length)
        };
  }

  /**
   * Collapses from the first {@code count} of {@code candidates} (sorted) until the live triangles
   * reach {@code target}, at checking {@code level}, skipping those priced far above the pass's
   * goal if {@code limitCost}.
   *
   * @throws InterruptedException if {@code monitor} says to stop
   */
  void run(
      long[] candidates, int count, int target, int level, boolean limitCost, WorkMonitor monitor)
      throws InterruptedException {
    int excess = state.triangleCount - target;
    // Each collapse removes two triangles; near the end, price in ample spares so that locks and
    // refusals do not leave a few triangles over for yet another pass.
    int goal = Math.max(excess / 2, Math.min(excess * 2, 4096));
    float limit = cost(candidates[Math.min(goal, count) - 1]);
    limit =
        limitCost
            ? (float) Math.max(limit * COST_SLACK, Math.nextUp(limit))
            : Float.POSITIVE_INFINITY;
    int triangles = state.triangleCount;
    if (choose(candidates, count, excess, limit, monitor)) {
      triangles = collapseOwned(triangles, target, level, monitor);
      triangles = collapseChosen(triangles, target, level, monitor);
    } else {
      Arrays.fill(chosen, 0);
      state.unlockAll();
    }
    // Refused collapses unlocked their ends: the candidates they kept out get their turn.
    collapseInCostOrder(candidates, count, triangles, target, level, limit, monitor);
  }

  /**
   * Chooses, in cost order, the candidates whose ends are free, locking both ends; returns false
   * (leaving the choice unfinished) once they would remove {@code excess} triangles.
   */
  private boolean choose(long[] candidates, int count, int excess, float limit, WorkMonitor monitor)
      throws InterruptedException {
    int chosenCount = 0;
    for (int i = 0; i < count; i++) {
      if ((i & 16383) == 16383) {
        monitor.checkpoint();
      }
      long candidate = candidates[i];
      if (cost(candidate) > limit) {
        break;
      }
      int p0 = (int) candidate;
      if (state.isLocked(p0)) {
        continue;
      }
      int p1 = state.bestTo[p0];
      if (state.isLocked(p1)) {
        continue;
      }
      state.lock(p0);
      state.lock(p1);
      chosen[p0 >>> 6] |= 1L << p0;
      if (2L * ++chosenCount >= excess) {
        return false;
      }
    }
    return true;
  }

  /**
   * Lets the two halves check and perform their own chosen collapses at once, without going below
   * {@code target} between them, and returns the live triangles left.
   */
  private int collapseOwned(int triangles, int target, int level, WorkMonitor monitor)
      throws InterruptedException {
    long low = halves[0].chosenCount();
    long high = halves[1].chosenCount();
    if (low + high == 0) {
      return triangles;
    }
    int excess = triangles - target;
    int lowShare = (int) (excess * low / (low + high));
    halves[0].start(lowShare);
    halves[1].start(excess - lowShare);
    while (!halves[0].done() || !halves[1].done()) {
      monitor.checkpoint();
      IntStream.range(0, 2).parallel().forEach(h -> halves[h].run(ROUND_WORDS, level));
    }
    return triangles - halves[0].removed - halves[1].removed;
  }

  /**
   * Checks and performs the chosen collapses left in order of their collapsing class, unlocking the
   * ends of those refused, and returns the live triangles left.
   */
  private int collapseChosen(int triangles, int target, int level, WorkMonitor monitor)
      throws InterruptedException {
    for (int w = 0; w < chosen.length; w++) {
      long bits = chosen[w];
      if (bits == 0) {
        continue;
      }
      chosen[w] = 0;
      if ((w & 255) == 255) {
        monitor.checkpoint();
      }
      for (; bits != 0 && triangles > target; bits &= bits - 1) {
        int p0 = (w << 6) + Long.numberOfTrailingZeros(bits);
        int p1 = state.bestTo[p0];
        if (check.allows(p0, p1, level)) {
          triangles -= check.perform(p0, p1);
        } else {
          state.unlock(p0);
          state.unlock(p1);
        }
      }
    }
    return triangles;
  }

  /**
   * Checks and performs collapses with free ends in cost order from {@code triangles} live ones,
   * locking the ends of each one performed.
   */
  private void collapseInCostOrder(
      long[] candidates,
      int count,
      int triangles,
      int target,
      int level,
      float limit,
      WorkMonitor monitor)
      throws InterruptedException {
    for (int i = 0; i < count && triangles > target; i++) {
      if ((i & 4095) == 4095) {
        monitor.checkpoint();
      }
      long candidate = candidates[i];
      if (cost(candidate) > limit) {
        break;
      }
      int p0 = (int) candidate;
      if (state.isLocked(p0)) {
        continue;
      }
      int p1 = state.bestTo[p0];
      if (state.isLocked(p1) || !check.allows(p0, p1, level)) {
        continue;
      }
      state.lock(p0);
      state.lock(p1);
      triangles -= check.perform(p0, p1);
    }
  }

  private static float cost(long candidate) {
    return Float.intBitsToFloat((int) (candidate >>> 32));
  }
}
