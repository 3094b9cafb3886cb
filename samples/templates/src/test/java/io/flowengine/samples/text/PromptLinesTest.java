package io.flowengine.samples.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromptLinesTest {
  @Test
  void wrapsAtWordBoundaries() {
    assertThat(PromptLines.wrap("the quick brown fox jumps", 10, 5))
        .containsExactly("the quick", "brown fox", "jumps");
  }

  @Test
  void splitsWordsLongerThanALine() {
    assertThat(PromptLines.wrap("abcdefghij", 4, 5)).containsExactly("abcd", "efgh", "ij");
  }

  @Test
  void keepsLineBreaksAndCollapsesSpaces() {
    assertThat(PromptLines.wrap("  one   two\nthree ", 20, 5)).containsExactly("one two", "three");
  }

  @Test
  void cutsWithEllipsisPastMaxLines() {
    assertThat(PromptLines.wrap("aa bb cc dd", 2, 2)).containsExactly("aa", "b\u2026");
  }

  @Test
  void blankGivesNoLine() {
    assertThat(PromptLines.wrap(" \n ", 5, 5)).isEmpty();
  }
}
