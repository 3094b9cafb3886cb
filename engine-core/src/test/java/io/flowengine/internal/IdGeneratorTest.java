package io.flowengine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdGeneratorTest {
  @Test
  void ids_are24LowercaseHex_uniqueAndOrderedBySecond() {
    IdGenerator ids = new IdGenerator();
    Set<String> seen = new HashSet<>();
    String earlier = ids.next(Instant.ofEpochSecond(1_000));
    for (int i = 0; i < 100_000; i++) {
      String id = ids.next(Instant.ofEpochSecond(2_000));
      assertThat(IdGenerator.isWellFormed(id)).isTrue();
      assertThat(seen.add(id)).isTrue();
    }
    assertThat(earlier).isLessThan(seen.iterator().next());
    assertThat(earlier).startsWith(String.format("%08x", 1_000));
  }

  @Test
  void wellFormed_rejectsOtherShapes() {
    assertThat(IdGenerator.isWellFormed("0123456789abcdef0123456")).isFalse();
    assertThat(IdGenerator.isWellFormed("0123456789ABCDEF01234567")).isFalse();
    assertThat(IdGenerator.isWellFormed("0123456789abcdef0123456g")).isFalse();
  }
}
