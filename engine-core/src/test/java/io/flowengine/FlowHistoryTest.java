package io.flowengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link FlowHistory#with}: what it keeps, and that versions made from one another stay apart. */
class FlowHistoryTest {
  private static final Instant T0 = Instant.parse("2026-12-04T00:00:00Z");

  private static FlowTransition change(int n) {
    return new FlowTransition(
        FlowState.RUNNING, FlowState.STARTING, T0.plusSeconds(n), n + 1, null);
  }

  private static FlowHistory appending(FlowHistory history, int from, int count) {
    for (int i = from; i < from + count; i++) {
      history = history.with(change(i));
    }
    return history;
  }

  private static List<Integer> seconds(FlowHistory history) {
    List<Integer> out = new ArrayList<>();
    for (FlowTransition t : history.transitions()) {
      out.add((int) (t.at().getEpochSecond() - T0.getEpochSecond()));
    }
    return out;
  }

  @Test
  void aLongHistory_keepsTheFirstAndTheLastChanges_andCountsTheRest() {
    FlowHistory history = appending(FlowHistory.EMPTY, 0, 1000);

    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < FlowHistory.FIRST_KEPT; i++) {
      expected.add(i);
    }
    for (int i = 1000 - FlowHistory.LAST_KEPT; i < 1000; i++) {
      expected.add(i);
    }
    assertThat(seconds(history)).isEqualTo(expected);
    assertThat(history.dropped()).isEqualTo(1000 - FlowHistory.FIRST_KEPT - FlowHistory.LAST_KEPT);
    assertThat(history.total()).isEqualTo(1000);
  }

  @Test
  void everyVersion_keepsWhatItHad_whenLaterVersionsAreMadeFromIt() {
    FlowHistory base = appending(FlowHistory.EMPTY, 0, 55);
    List<Integer> before = seconds(base);

    FlowHistory left = base.with(change(100));
    FlowHistory right = base.with(change(200)); // the same slot as left's: must not share it
    FlowHistory further = appending(left, 300, 30);

    assertThat(seconds(base)).isEqualTo(before);
    assertThat(seconds(left)).endsWith(100).hasSize(50);
    assertThat(seconds(right)).endsWith(200).hasSize(50).doesNotContain(100);
    assertThat(seconds(right).subList(0, 49)).isEqualTo(seconds(left).subList(0, 49));
    assertThat(seconds(further)).endsWith(329).contains(100).doesNotContain(200);
    assertThat(left).isEqualTo(new FlowHistory(List.copyOf(left.transitions()), left.dropped()));
  }

  @Test
  void concurrentAppendsToOneVersion_eachSeeOnlyTheirOwnChange() throws Exception {
    for (int round = 0; round < 200; round++) {
      FlowHistory base = appending(FlowHistory.EMPTY, 0, round % 60);
      int threads = 4;
      CountDownLatch go = new CountDownLatch(1);
      List<Future<FlowHistory>> results = new ArrayList<>();
      try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
        for (int t = 0; t < threads; t++) {
          int mark = 1000 + t;
          results.add(
              pool.submit(
                  () -> {
                    go.await(10, TimeUnit.SECONDS);
                    return appending(base.with(change(mark)), 2000 + 10 * mark, 5);
                  }));
        }
        go.countDown();
        for (int t = 0; t < threads; t++) {
          List<Integer> got = seconds(results.get(t).get(10, TimeUnit.SECONDS));
          assertThat(got).contains(1000 + t).endsWith(2000 + 10 * (1000 + t) + 4);
          for (int other = 0; other < threads; other++) {
            if (other != t) {
              assertThat(got).doesNotContain(1000 + other);
            }
          }
        }
      }
    }
  }

  @Test
  void theKeptList_cannotBeChanged() {
    FlowHistory history = appending(FlowHistory.EMPTY, 0, 3);
    assertThatThrownBy(() -> history.transitions().add(change(9)))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> history.transitions().set(0, change(9)))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> history.transitions().get(3))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }
}
