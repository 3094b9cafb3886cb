package io.flowengine.samples.simplify;

/**
 * One of the two halves of a pass's chosen collapses that are checked and performed at the same
 * time ({@link CollapsePass}). The position classes are split at a multiple of 64, so the halves
 * share no word of a bitmap; this half takes, in class order, the chosen collapses of its own range
 * whose check looks at no class outside it ({@link CollapseCheck#confine}). A collapse moves a
 * class onto another class of the same half, so while the other half works a class of the other
 * half reads as one of the other half whichever way it has moved: what this half does depends on
 * its own range alone, never on timing. A collapse that looks across, or that would take this half
 * past its share of the pass's triangles, stays chosen and locked for the one-thread step after;
 * one refused for a reason of its own frees its ends. Not thread-safe: one thread at a time.
 */
final class OwnedCollapses {
  private final CollapseState state;
  private final CollapseCheck check;
  private final long[] chosen;
  private final int fromWord;
  private final int toWord;
  private int word;
  private int share;

  /** Triangles this half removed in the current pass. */
  int removed;

  /** Takes the chosen collapses of classes in words [fromWord, toWord) of {@code chosen}. */
  OwnedCollapses(CollapseState state, long[] chosen, int fromWord, int toWord) {
    this.state = state;
    this.chosen = chosen;
    this.fromWord = fromWord;
    this.toWord = toWord;
    this.check = new CollapseCheck(state);
    check.confine(fromWord << 6, toWord << 6);
  }

  /** How many collapses this half has chosen now. */
  int chosenCount() {
    int count = 0;
    for (int w = fromWord; w < toWord; w++) {
      count += Long.bitCount(chosen[w]);
    }
    return count;
  }

  /** Starts a pass in which this half may remove at most {@code share} triangles. */
  void start(int share) {
    this.share = share;
    word = fromWord;
    removed = 0;
  }

  /** Whether this half has looked at all its chosen collapses of the pass. */
  boolean done() {
    return word >= toWord;
  }

  /** Checks and performs, at checking {@code level}, the chosen collapses of the next words. */
  void run(int words, int level) {
    int end = Math.min(toWord, word + words);
    for (; word < end; word++) {
      long bits = chosen[word];
      long kept = 0;
      for (; bits != 0; bits &= bits - 1) {
        int p0 = (word << 6) + Long.numberOfTrailingZeros(bits);
        int p1 = state.bestTo[p0];
        boolean allowed = check.allows(p0, p1, level);
        if (allowed && removed + check.removed <= share) {
          removed += check.perform(p0, p1);
        } else if (allowed || check.foreign) {
          kept |= bits & -bits;
        } else {
          state.unlock(p0);
          state.unlock(p1);
        }
      }
      chosen[word] = kept;
    }
  }
}
