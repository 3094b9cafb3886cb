package io.flowengine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ViolationTest {

  @Test
  void printable_escapesControlAndLineSeparatorCharacters() {
    assertThat(Violation.printable("a\nb\u2028c\u0000")).isEqualTo("a\\u000ab\\u2028c\\u0000");
  }

  @Test
  void printable_escapesALoneSurrogateButKeepsAPair() {
    assertThat(Violation.printable("\ud83d")).isEqualTo("\\ud83d");
    assertThat(Violation.printable("\ud83d\ude00")).isEqualTo("\ud83d\ude00");
  }

  @Test
  void printable_cutsAfterEightyCodePoints() {
    assertThat(Violation.printable("x".repeat(80))).isEqualTo("x".repeat(80));
    assertThat(Violation.printable("x".repeat(81))).isEqualTo("x".repeat(80) + "...");
  }
}
