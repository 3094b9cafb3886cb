package io.flowengine.tck;

import static io.flowengine.tck.TestFlows.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowengine.FlowState;
import io.flowengine.spi.FlowRecord;
import io.flowengine.spi.FlowStore;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link FlowStore} must have: records round-trip unchanged, duplicates are
 * refused, every change is a compare-and-set on the version, and the batch queries recovery,
 * retention and quotas use, plus the listings of {@link FlowStorePagingContract} and the retry
 * schedule, idempotency keys and history of {@link FlowRecordExtrasContract}. A store's test
 * extends this class and returns a fresh, empty store from {@link #newStore()}.
 */
public abstract class FlowStoreContract extends FlowRecordExtrasContract {
  /** For a subclass that runs the suite against its own flow store. */
  protected FlowStoreContract() {}

  @Test
  void insert_thenFind_returnsAnEqualRecord() {
    FlowRecord full = flows.full("acct-a");
    FlowRecord bare = flows.created();
    store.insert(full);
    store.insert(bare);

    assertThat(store.find(full.id())).contains(full);
    assertThat(store.find(bare.id())).contains(bare);
    assertThat(store.find(full.id()).orElseThrow().parameters().values())
        .containsExactlyEntriesOf(full.parameters().values());
  }

  @Test
  void find_unknownId_isEmpty() {
    assertThat(store.find(TestFlows.id(999))).isEmpty();
  }

  @Test
  void insert_duplicateId_isRefusedAndKeepsTheFirst() {
    FlowRecord first = flows.created();
    store.insert(first);
    FlowRecord clash =
        new FlowRecord(
            first.id(),
            "other",
            "t",
            "t",
            FlowState.RUNNING,
            0.5,
            first.parameters(),
            null,
            List.of(),
            at(5),
            at(6),
            null,
            null,
            null,
            0);

    assertThatThrownBy(() -> store.insert(clash))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(first.id());
    assertThat(store.find(first.id())).contains(first);
  }

  @Test
  void compareAndSet_withTheStoredVersion_replacesTheRecord() {
    FlowRecord v0 = flows.created("acct-a", at(0));
    store.insert(v0);
    FlowRecord v1 = TestFlows.moved(v0, FlowState.STARTING, at(10));
    FlowRecord v2 = v1.withInput(TestFlows.id(77));
    FlowRecord v3 = v2.withProgress(0.25);

    assertThat(store.compareAndSet(v0, v1)).isTrue();
    assertThat(store.compareAndSet(v1, v2)).isTrue();
    assertThat(store.compareAndSet(v2, v3)).isTrue();
    assertThat(store.find(v0.id())).contains(v3);
  }

  @Test
  void compareAndSet_withAStaleVersion_failsAndChangesNothing() {
    FlowRecord v0 = flows.created();
    store.insert(v0);
    FlowRecord v1 = TestFlows.moved(v0, FlowState.STARTING, at(1));
    assertThat(store.compareAndSet(v0, v1)).isTrue();

    FlowRecord competing = TestFlows.moved(v0, FlowState.FAILED, at(2));
    assertThat(store.compareAndSet(v0, competing)).isFalse();
    assertThat(store.find(v0.id())).contains(v1);
  }

  @Test
  void compareAndSet_ofADeletedFlow_fails() {
    FlowRecord v0 = flows.created();
    store.insert(v0);
    assertThat(store.delete(v0)).isTrue();

    assertThat(store.compareAndSet(v0, v0.withProgress(0.5))).isFalse();
    assertThat(store.find(v0.id())).isEmpty();
  }

  @Test
  void compareAndSet_ofAnUnknownFlow_fails() {
    FlowRecord never = flows.created();
    assertThat(store.compareAndSet(never, never.withProgress(0.5))).isFalse();
    assertThat(store.find(never.id())).isEmpty();
  }

  @Test
  void compareAndSet_withAWrongNextVersionOrId_isRefused() {
    FlowRecord v0 = flows.created();
    store.insert(v0);
    FlowRecord v2 = v0.withProgress(0.1).withProgress(0.2);
    FlowRecord other = flows.created().withProgress(0.1);

    assertThatThrownBy(() -> store.compareAndSet(v0, v2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.compareAndSet(v0, other))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.compareAndSet(v0, v0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store.find(v0.id())).contains(v0);
  }

  @Test
  void compareAndSet_racingThreads_exactlyOneWinsEachVersion() throws Exception {
    int threads = 6;
    int versions = 40;
    FlowRecord v0 = flows.created();
    store.insert(v0);
    CyclicBarrier barrier = new CyclicBarrier(threads);
    AtomicReference<FlowRecord> current = new AtomicReference<>(v0);
    int[][] wins = new int[versions][threads];
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> racers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int racer = t;
        racers.add(
            pool.submit(
                () -> {
                  for (int v = 0; v < versions; v++) {
                    barrier.await(30, TimeUnit.SECONDS);
                    FlowRecord expected = current.get();
                    FlowRecord next = expected.withProgress((v * threads + racer + 1) / 1_000.0);
                    barrier.await(30, TimeUnit.SECONDS);
                    if (store.compareAndSet(expected, next)) {
                      wins[v][racer]++;
                      current.set(next);
                    }
                    barrier.await(30, TimeUnit.SECONDS);
                  }
                  return null;
                }));
      }
      for (Future<?> racer : racers) {
        racer.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    for (int v = 0; v < versions; v++) {
      int total = 0;
      for (int t = 0; t < threads; t++) {
        total += wins[v][t];
      }
      assertThat(total).as("winners of version %s", v + 1).isEqualTo(1);
    }
    assertThat(store.find(v0.id())).contains(current.get());
    assertThat(current.get().version()).isEqualTo(versions);
  }

  @Test
  void compareAndSetAll_replacesExactlyTheRecordsWhoseVersionMatches() {
    FlowRecord current = flows.inState(null, FlowState.RUNNING, 0.1, at(0), at(1), null);
    FlowRecord stale = flows.inState(null, FlowState.ABORTING, 0.1, at(0), at(1), null);
    FlowRecord deleted = flows.inState(null, FlowState.STARTING, 0.1, at(0), at(1), null);
    for (FlowRecord r : List.of(current, stale, deleted)) {
      store.insert(r);
    }
    FlowRecord staleNow = stale.withProgress(0.2);
    assertThat(store.compareAndSet(stale, staleNow)).isTrue();
    assertThat(store.delete(deleted)).isTrue();
    List<FlowRecord> expected = List.of(current, stale, deleted);
    List<FlowRecord> next =
        expected.stream().map(r -> TestFlows.moved(r, FlowState.ABORTED, at(9))).toList();

    assertThat(store.compareAndSetAll(expected, next)).containsExactly(true, false, false);
    assertThat(store.find(current.id())).contains(next.get(0));
    assertThat(store.find(stale.id())).contains(staleNow);
    assertThat(store.find(deleted.id())).isEmpty();
    assertThat(store.compareAndSetAll(List.of(), List.of())).isEmpty();
  }

  @Test
  void compareAndSetAll_withAnInvalidPair_changesNothing() {
    FlowRecord a = flows.created();
    FlowRecord b = flows.created();
    store.insert(a);
    store.insert(b);

    assertThatThrownBy(
            () ->
                store.compareAndSetAll(
                    List.of(a, b),
                    List.of(a.withProgress(0.5), b.withProgress(0.1).withProgress(0.2))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.compareAndSetAll(List.of(a, b), List.of(a.withProgress(0.5))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store.find(a.id())).contains(a);
    assertThat(store.find(b.id())).contains(b);
  }

  @Test
  void delete_withTheStoredVersion_removesTheFlow() {
    FlowRecord v0 = flows.created();
    FlowRecord kept = flows.created();
    store.insert(v0);
    store.insert(kept);

    assertThat(store.delete(v0)).isTrue();
    assertThat(store.find(v0.id())).isEmpty();
    assertThat(store.find(kept.id())).contains(kept);
    assertThat(store.delete(v0)).isFalse();
  }

  @Test
  void delete_withAStaleVersion_failsAndKeepsTheFlow() {
    FlowRecord v0 = flows.created();
    store.insert(v0);
    FlowRecord v1 = v0.withProgress(0.5);
    assertThat(store.compareAndSet(v0, v1)).isTrue();

    assertThat(store.delete(v0)).isFalse();
    assertThat(store.find(v0.id())).contains(v1);
    assertThat(store.delete(v1)).isTrue();
  }

  @Test
  void delete_unknown_returnsFalse() {
    assertThat(store.delete(flows.created())).isFalse();
  }

  @Test
  void insert_afterDelete_ofTheSameId_works() {
    FlowRecord v0 = flows.created();
    store.insert(v0);
    assertThat(store.delete(v0)).isTrue();
    store.insert(v0);
    assertThat(store.find(v0.id())).contains(v0);
  }

  @Test
  void findByStates_returnsMatchingFlowsInBatchesOrderedById() {
    Set<FlowState> unfinished =
        EnumSet.of(FlowState.STARTING, FlowState.RUNNING, FlowState.ABORTING);
    List<String> expected = new ArrayList<>();
    FlowState[] cycle = FlowState.values();
    for (int i = 0; i < 40; i++) {
      FlowState state = cycle[(i * 5) % cycle.length];
      FlowRecord record =
          flows.inState(
              i % 2 == 0 ? "acct-a" : null,
              state,
              0.0,
              at(40 - i),
              state == FlowState.CREATED ? null : at(50),
              state.isTerminal() ? at(60) : null);
      store.insert(record);
      if (unfinished.contains(state)) {
        expected.add(record.id());
      }
    }
    List<String> seen = new ArrayList<>();
    String after = null;
    while (true) {
      List<FlowRecord> batch = store.findByStates(unfinished, after, 4);
      assertThat(batch).hasSizeLessThanOrEqualTo(4);
      batch.forEach(r -> assertThat(store.find(r.id())).contains(r));
      batch.forEach(r -> seen.add(r.id()));
      if (batch.size() < 4) {
        break;
      }
      after = batch.getLast().id();
    }
    assertThat(seen).isEqualTo(expected);
    assertThat(store.findByStates(EnumSet.of(FlowState.CREATED), expected.getLast(), 100))
        .allSatisfy(
            r -> {
              assertThat(r.state()).isEqualTo(FlowState.CREATED);
              assertThat(r.id()).isGreaterThan(expected.getLast());
            });
  }

  @Test
  void findFinishedBefore_returnsTerminalFlowsOldestFirst() {
    FlowRecord late = flows.inState(null, FlowState.COMPLETED, 1.0, at(0), at(1), at(30));
    FlowRecord tieB = flows.inState("acct-a", FlowState.FAILED, 0.3, at(0), at(1), at(10));
    FlowRecord early = flows.inState(null, FlowState.ABORTED, 0.1, at(0), at(1), at(5));
    FlowRecord tieA = flows.inState(null, FlowState.COMPLETED, 1.0, at(0), at(1), at(10));
    FlowRecord atCutoff = flows.inState(null, FlowState.COMPLETED, 1.0, at(0), at(1), at(20));
    FlowRecord running = flows.inState(null, FlowState.RUNNING, 0.5, at(0), at(1), null);
    for (FlowRecord r : List.of(late, tieB, early, tieA, atCutoff, running)) {
      store.insert(r);
    }

    assertThat(store.findFinishedBefore(at(20), 100)).containsExactly(early, tieB, tieA);
    assertThat(store.findFinishedBefore(at(20), 2)).containsExactly(early, tieB);
    assertThat(store.findFinishedBefore(at(5), 100)).isEmpty();
    assertThat(store.findFinishedBefore(at(31), 100))
        .containsExactly(early, tieB, tieA, atCutoff, late);
  }

  @Test
  void countUnfinished_countsNonTerminalFlowsOfTheAccountThroughChanges() {
    FlowRecord created = flows.created("acct-a", at(0));
    FlowRecord running = flows.inState("acct-a", FlowState.RUNNING, 0.2, at(1), at(2), null);
    FlowRecord aborting = flows.inState("acct-a", FlowState.ABORTING, 0.2, at(1), at(2), null);
    FlowRecord done = flows.inState("acct-a", FlowState.COMPLETED, 1.0, at(1), at(2), at(3));
    FlowRecord otherAccount = flows.inState("acct-b", FlowState.STARTING, 0, at(1), at(2), null);
    FlowRecord noAccount = flows.inState(null, FlowState.RUNNING, 0, at(1), at(2), null);
    for (FlowRecord r : List.of(created, running, aborting, done, otherAccount, noAccount)) {
      store.insert(r);
    }
    assertThat(store.countUnfinished("acct-a")).isEqualTo(3);
    assertThat(store.countUnfinished("acct-b")).isEqualTo(1);
    assertThat(store.countUnfinished("acct-none")).isZero();

    assertThat(store.compareAndSet(running, TestFlows.moved(running, FlowState.COMPLETED, at(9))))
        .isTrue();
    assertThat(store.countUnfinished("acct-a")).isEqualTo(2);
    FlowRecord starting = TestFlows.moved(created, FlowState.STARTING, at(9));
    assertThat(store.compareAndSet(created, starting)).isTrue();
    assertThat(store.countUnfinished("acct-a")).isEqualTo(2);
    assertThat(store.delete(starting)).isTrue();
    assertThat(store.delete(done)).isTrue();
    assertThat(store.countUnfinished("acct-a")).isEqualTo(1);
  }

  @Test
  void concurrentInserts_ofDistinctFlows_areAllKept() throws Exception {
    int threads = 4;
    int each = 50;
    List<FlowRecord> all = new ArrayList<>();
    for (int i = 0; i < threads * each; i++) {
      all.add(flows.inState("acct-c", FlowState.RUNNING, 0.0, at(i), at(i), null));
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        List<FlowRecord> slice = all.subList(t * each, (t + 1) * each);
        writers.add(pool.submit(() -> slice.forEach(store::insert)));
      }
      for (Future<?> writer : writers) {
        writer.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(store.countUnfinished("acct-c")).isEqualTo((long) threads * each);
    all.forEach(r -> assertThat(store.find(r.id())).contains(r));
  }
}
