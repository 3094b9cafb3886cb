package io.flowengine.tck;

import static io.flowengine.tck.TestFlows.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowengine.FlowHistory;
import io.flowengine.FlowState;
import io.flowengine.FlowTransition;
import io.flowengine.spi.FlowRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * What a {@link io.flowengine.spi.FlowStore} keeps for retries, delayed starts, idempotency and
 * history: the attempt, last error, not-before time, key, request digest and bounded history
 * round-trip unchanged through insert and compare-and-set, and idempotency keys are unique per
 * account (also for racing inserts), found by account and key, and freed by a delete. Run as part
 * of {@link FlowStoreContract}.
 */
public abstract class FlowRecordExtrasContract extends FlowStorePagingContract {
  /** For {@link FlowStoreContract}. */
  protected FlowRecordExtrasContract() {}

  private static FlowHistory history(int changes, String error) {
    FlowHistory history =
        FlowHistory.EMPTY.with(new FlowTransition(null, FlowState.CREATED, at(0), 1, null));
    for (int i = 1; i < changes; i++) {
      history =
          history.with(
              new FlowTransition(FlowState.RUNNING, FlowState.RUNNING, at(i), i + 1, error + i));
    }
    return history;
  }

  private FlowRecord keyed(@Nullable String accountId, String key) {
    return flows.created(accountId, at(1)).withIdempotency(key, "digest-" + key);
  }

  @Test
  void scheduleKeyAndHistory_roundTripThroughInsertAndUpdate() {
    String awkward = "line 1\nline\t2 \\ back\\slash \r\u2603 =";
    FlowRecord record =
        flows
            .full("acct-a")
            .withSchedule(3, awkward, at(77))
            .withIdempotency("order-17/retry:1", "abc123")
            .withHistory(history(7, awkward));
    store.insert(record);
    assertThat(store.find(record.id())).contains(record);

    FlowRecord bounded =
        record
            .transitioned(FlowState.RUNNING, 0.5, at(2), null, null)
            .withSchedule(4, null, null)
            .withHistory(history(FlowHistory.FIRST_KEPT + FlowHistory.LAST_KEPT + 25, "e"));
    assertThat(bounded.history().dropped()).isEqualTo(25);
    assertThat(store.compareAndSet(record, bounded)).isTrue();
    assertThat(store.find(record.id())).contains(bounded);
  }

  @Test
  void recordWithoutExtras_readsBackOnItsFirstAttempt() {
    FlowRecord bare = flows.created();
    store.insert(bare);
    FlowRecord read = store.find(bare.id()).orElseThrow();
    assertThat(read.attempt()).isEqualTo(1);
    assertThat(read.notBefore()).isNull();
    assertThat(read.idempotencyKey()).isNull();
    assertThat(read.history()).isEqualTo(FlowHistory.EMPTY);
  }

  @Test
  void idempotencyKey_isFoundByAccountAndKey() {
    FlowRecord inA = keyed("acct-a", "k1");
    FlowRecord inB = keyed("acct-b", "k1");
    FlowRecord noAccount = keyed(null, "k1");
    store.insert(inA);
    store.insert(inB);
    store.insert(noAccount);
    store.insert(flows.created("acct-a", at(2)));

    assertThat(store.findByIdempotencyKey("acct-a", "k1")).contains(inA);
    assertThat(store.findByIdempotencyKey("acct-b", "k1")).contains(inB);
    assertThat(store.findByIdempotencyKey(null, "k1")).contains(noAccount);
    assertThat(store.findByIdempotencyKey("acct-a", "k2")).isEmpty();
    assertThat(store.findByIdempotencyKey("acct-c", "k1")).isEmpty();
  }

  @Test
  void idempotencyKey_isUniquePerAccount_alsoWithoutOne() {
    FlowRecord first = keyed("acct-a", "k1");
    store.insert(first);
    FlowRecord second = keyed("acct-a", "k1");
    assertThatThrownBy(() -> store.insert(second)).isInstanceOf(IllegalStateException.class);
    assertThat(store.find(second.id())).isEmpty();
    assertThat(store.findByIdempotencyKey("acct-a", "k1")).contains(first);

    store.insert(keyed(null, "k1"));
    FlowRecord againWithout = keyed(null, "k1");
    assertThatThrownBy(() -> store.insert(againWithout)).isInstanceOf(IllegalStateException.class);
    assertThat(store.find(againWithout.id())).isEmpty();
  }

  @Test
  void delete_freesTheKey() {
    FlowRecord first = keyed("acct-a", "k1");
    store.insert(first);
    assertThat(store.delete(first)).isTrue();
    assertThat(store.findByIdempotencyKey("acct-a", "k1")).isEmpty();
    FlowRecord second = keyed("acct-a", "k1");
    store.insert(second);
    assertThat(store.findByIdempotencyKey("acct-a", "k1")).contains(second);
  }

  @Test
  void racingInserts_withOneKey_storeExactlyOne() throws Exception {
    int threads = 8;
    for (int round = 0; round < 10; round++) {
      String key = "race-" + round;
      List<FlowRecord> racers = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        racers.add(keyed("acct-a", key));
      }
      CyclicBarrier start = new CyclicBarrier(threads);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<Boolean>> stored = new ArrayList<>();
        for (FlowRecord racer : racers) {
          stored.add(
              pool.submit(
                  () -> {
                    start.await(10, TimeUnit.SECONDS);
                    try {
                      store.insert(racer);
                      return true;
                    } catch (IllegalStateException e) {
                      return false;
                    }
                  }));
        }
        int winners = 0;
        for (Future<Boolean> result : stored) {
          winners += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        assertThat(winners).isEqualTo(1);
        FlowRecord holder = store.findByIdempotencyKey("acct-a", key).orElseThrow();
        assertThat(racers).contains(holder);
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
