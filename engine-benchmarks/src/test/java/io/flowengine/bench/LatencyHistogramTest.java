package io.flowengine.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {
  @Test
  void percentiles_areWithinTheBucketResolution() {
    LatencyHistogram histogram = new LatencyHistogram();
    for (long v = 1; v <= 100_000; v++) {
      histogram.record(v * 1000);
    }
    assertThat(histogram.count()).isEqualTo(100_000);
    assertThat((double) histogram.percentile(50)).isCloseTo(50_000_000, within(50_000_000 * 0.016));
    assertThat((double) histogram.percentile(99)).isCloseTo(99_000_000, within(99_000_000 * 0.016));
    assertThat(histogram.percentile(100)).isGreaterThanOrEqualTo(100_000_000);
  }

  @Test
  void smallValues_areExact() {
    LatencyHistogram histogram = new LatencyHistogram();
    histogram.record(3);
    histogram.record(7);
    assertThat(histogram.percentile(50)).isEqualTo(3);
    assertThat(histogram.percentile(100)).isEqualTo(7);
  }

  @Test
  void bucketsCoverEveryLong() {
    assertThat(LatencyHistogram.upperEnd(LatencyHistogram.indexOf(Long.MAX_VALUE)))
        .isEqualTo(Long.MAX_VALUE);
    for (long v = 128; v < 1 << 20; v += 97) {
      int i = LatencyHistogram.indexOf(v);
      assertThat(LatencyHistogram.upperEnd(i)).isGreaterThanOrEqualTo(v);
      assertThat(i == 0 || LatencyHistogram.upperEnd(i - 1) < v).isTrue();
    }
  }
}
