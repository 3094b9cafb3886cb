package io.flowengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The delays and the failure selection of {@link RetryPolicy}, without an engine. */
class RetryPolicyTest {
  @Test
  void fixedBackoff_waitsTheSameBeforeEveryAttempt() {
    RetryPolicy policy = RetryPolicy.builder().fixedBackoff(Duration.ofSeconds(5)).build();
    assertThat(policy.delayBefore(2, 0.5)).isEqualTo(Duration.ofSeconds(5));
    assertThat(policy.delayBefore(9, 0.5)).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void exponentialBackoff_doublesUpToTheCap() {
    RetryPolicy policy =
        RetryPolicy.builder()
            .maxAttempts(10)
            .exponentialBackoff(Duration.ofSeconds(1), Duration.ofSeconds(5))
            .build();
    assertThat(policy.delayBefore(2, 0)).isEqualTo(Duration.ofSeconds(1));
    assertThat(policy.delayBefore(3, 0)).isEqualTo(Duration.ofSeconds(2));
    assertThat(policy.delayBefore(4, 0)).isEqualTo(Duration.ofSeconds(4));
    assertThat(policy.delayBefore(5, 0)).isEqualTo(Duration.ofSeconds(5));
    assertThat(policy.delayBefore(60, 0)).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void jitter_shortensADelayByAtMostItsFraction() {
    RetryPolicy policy =
        RetryPolicy.builder().fixedBackoff(Duration.ofSeconds(10)).jitter(0.5).build();
    assertThat(policy.delayBefore(2, 0)).isEqualTo(Duration.ofSeconds(10));
    assertThat(policy.delayBefore(2, 0.5)).isEqualTo(Duration.ofMillis(7500));
    assertThat(policy.delayBefore(2, 0.999999)).isGreaterThan(Duration.ofMillis(4999));
  }

  @Test
  void retryOn_typesAndPredicate_bothMustAccept() {
    RetryPolicy policy =
        RetryPolicy.builder()
            .maxAttempts(3)
            .retryOn(UncheckedIOException.class, IllegalStateException.class)
            .retryIf(e -> !"fatal".equals(e.getMessage()))
            .build();
    assertThat(policy.retries(1, new IllegalStateException("busy"))).isTrue();
    assertThat(policy.retries(1, new UncheckedIOException(new IOException("x")))).isTrue();
    assertThat(policy.retries(1, new IllegalArgumentException("bad"))).isFalse();
    assertThat(policy.retries(1, new IllegalStateException("fatal"))).isFalse();
    assertThat(policy.retries(3, new IllegalStateException("busy"))).isFalse();
  }

  @Test
  void invalidValues_areRefused() {
    assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.builder().jitter(1.5).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                RetryPolicy.builder()
                    .exponentialBackoff(Duration.ofSeconds(5), Duration.ofSeconds(1))
                    .build())
        .isInstanceOf(IllegalArgumentException.class);
  }
}
