package io.flowengine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.spi.EngineStorage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineTimeTest {
  private static Instant engineTime(Instant clockReads) {
    FlowStateMachine machine =
        new FlowStateMachine(
            EngineStorage.inMemory().flows(),
            new ListenerBus(List.of()),
            new FlowWaiters(),
            Clock.fixed(clockReads, ZoneOffset.UTC));
    return machine.now();
  }

  @Test
  void now_dropsTheNanosecondsBelowAMicrosecond_asTruncatedToMicrosWould() {
    List<Instant> reads =
        List.of(
            Instant.ofEpochSecond(1_700_000_000, 123_456_789),
            Instant.ofEpochSecond(1_700_000_000, 999_999_999),
            Instant.ofEpochSecond(0, 1),
            Instant.ofEpochSecond(-1, 999_999_999),
            Instant.ofEpochSecond(-62_135_596_800L, 500));
    for (Instant read : reads) {
      assertThat(engineTime(read)).isEqualTo(read.truncatedTo(ChronoUnit.MICROS));
    }
    assertThat(engineTime(Instant.ofEpochSecond(5, 123_456_789)))
        .isEqualTo(Instant.ofEpochSecond(5, 123_456_000));
  }

  @Test
  void now_keepsATimeAlreadyInWholeMicroseconds() {
    Instant whole = Instant.ofEpochSecond(1_700_000_000, 123_456_000);
    assertThat(engineTime(whole)).isSameAs(whole);
  }
}
