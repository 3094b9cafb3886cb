package io.flowengine.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmallestSelectionTest {

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 7, 100, 999, 1000, 5000})
  void keepsExactlyTheSmallestInOrder(int limit) {
    List<Integer> values =
        new ArrayList<>(IntStream.range(0, 1000).map(i -> i / 3).boxed().toList());
    Collections.shuffle(values, new Random(limit));
    SmallestSelection<Integer> selection =
        new SmallestSelection<>(Comparator.naturalOrder(), limit);
    values.forEach(selection::offer);

    List<Integer> expected = values.stream().sorted().limit(limit).toList();
    assertThat(selection.sorted()).isEqualTo(expected);
  }

  @Test
  void followsTheGivenOrder() {
    SmallestSelection<String> selection =
        new SmallestSelection<>(Comparator.<String>naturalOrder().reversed(), 2);
    List.of("b", "d", "a", "c").forEach(selection::offer);

    assertThat(selection.sorted()).containsExactly("d", "c");
  }

  @Test
  void refusesANegativeLimit() {
    assertThatThrownBy(() -> new SmallestSelection<>(Comparator.<Integer>naturalOrder(), -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
  }
}
