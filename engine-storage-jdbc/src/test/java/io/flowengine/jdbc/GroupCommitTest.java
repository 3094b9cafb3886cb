package io.flowengine.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowengine.FlowState;
import io.flowengine.spi.CommitListener;
import io.flowengine.spi.FlowRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GroupCommitTest {
  private final List<int[]> commits = new CopyOnWriteArrayList<>();
  private final CommitListener listener =
      (changes, statements, nanos) -> commits.add(new int[] {changes, statements});
  private TestTable table;
  private GroupCommit commit;

  private GroupCommit start(boolean keepsTransaction, int capacity) throws Exception {
    table = new TestTable(keepsTransaction);
    commit = GroupCommit.start("test", table.connect(), table, capacity, 1000, listener);
    return commit;
  }

  @AfterEach
  void close() {
    if (table != null) {
      table.open();
    }
    if (commit != null) {
      commit.close();
    }
  }

  /**
   * Holds the writer inside a batch of its own (the first commit the listener hears of after this),
   * so what is queued next waits together.
   */
  private CompletableFuture<Void> holdWriter() throws Exception {
    CompletableFuture<Void> gate = commit.insert(TestTable.flow(TestTable.GATE));
    table.awaitGate();
    commits.clear();
    return gate;
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void changesWaitingTogether_shareOneCommit_andEachGetsItsOwnResult(boolean keeps)
      throws Exception {
    start(keeps, 100);
    holdWriter();
    List<CompletableFuture<Void>> inserts = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      inserts.add(commit.insert(TestTable.flow("f" + i)));
    }
    table.open();
    CompletableFuture.allOf(inserts.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

    assertThat(commits).extracting(c -> c[0]).containsExactly(1, 20);
    for (int i = 0; i < 20; i++) {
      assertThat(table.version("f" + i)).isZero();
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void aLostCompareAndSet_losesAlone_andTheRestOfTheBatchCommits(boolean keeps) throws Exception {
    start(keeps, 100);
    FlowRecord a = TestTable.flow("a");
    FlowRecord b = TestTable.flow("b");
    GroupCommit.await(commit.insert(a));
    GroupCommit.await(commit.insert(b));
    holdWriter();
    CompletableFuture<Boolean> first =
        commit.compareAndSet(a, a.transitioned(FlowState.STARTING, 0, null, null, null));
    CompletableFuture<Boolean> racing = // another caller read the same version
        commit.compareAndSet(TestTable.flow("a"), a.withProgress(0.5));
    CompletableFuture<Boolean> other = commit.compareAndSet(b, b.withProgress(0.25));
    table.open();

    assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(racing.get(10, TimeUnit.SECONDS)).isFalse();
    assertThat(other.get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(commits).extracting(c -> c[0]).containsExactly(1, 3);
    assertThat(table.progress("a")).isZero();
    assertThat(table.progress("b")).isEqualTo(0.25);
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void aFailingRow_failsOnlyItsOwnCaller_withItsTypedError(boolean keeps) throws Exception {
    start(keeps, 100);
    GroupCommit.await(commit.insert(TestTable.flow("taken")));
    holdWriter();
    CompletableFuture<Void> before = commit.insert(TestTable.flow("x"));
    CompletableFuture<Void> duplicate = commit.insert(TestTable.flow("taken"));
    CompletableFuture<Void> after = commit.insert(TestTable.flow("y"));
    table.open();

    assertThatThrownBy(() -> GroupCommit.await(duplicate))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("insert flow taken");
    after.get(10, TimeUnit.SECONDS);
    before.get(10, TimeUnit.SECONDS);
    assertThat(table.version("x")).isZero();
    assertThat(table.version("y")).isZero();
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void aFlowsChangesQueuedTogether_areWrittenAsOneStatement(boolean keeps) throws Exception {
    start(keeps, 2000);
    FlowRecord flow = TestTable.flow("p");
    GroupCommit.await(commit.insert(flow));
    holdWriter();
    FlowRecord last = flow;
    List<CompletableFuture<Boolean>> updates = new ArrayList<>();
    for (int i = 1; i <= 1000; i++) {
      FlowRecord next = last.withProgress(i / 1000.0);
      updates.add(commit.compareAndSet(last, next)); // each expects the pending one before it
      last = next;
    }
    table.open();
    for (CompletableFuture<Boolean> update : updates) {
      assertThat(update.get(10, TimeUnit.SECONDS)).isTrue();
    }

    assertThat(commits).hasSize(2);
    assertThat(commits.get(1)).containsExactly(1000, 1);
    assertThat(table.version("p")).isEqualTo(1000);
    assertThat(table.progress("p")).isEqualTo(1.0);
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void aChangeQueuedAgainstALostOne_isNotWritten_evenIfTheVersionWouldMatch(boolean keeps)
      throws Exception {
    start(keeps, 100);
    FlowRecord flow = TestTable.flow("c");
    GroupCommit.await(commit.insert(flow));
    holdWriter();
    FlowRecord aborting = flow.transitioned(FlowState.ABORTING, 0, null, null, null);
    FlowRecord running = flow.transitioned(FlowState.RUNNING, 0, null, null, null);
    CompletableFuture<Boolean> abort = commit.compareAndSet(flow, aborting);
    CompletableFuture<Boolean> dispatch = commit.compareAndSet(TestTable.flow("c"), running);
    CompletableFuture<Boolean> progress = commit.compareAndSet(running, running.withProgress(0.5));
    table.open();

    assertThat(abort.get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(dispatch.get(10, TimeUnit.SECONDS)).isFalse();
    assertThat(progress.get(10, TimeUnit.SECONDS))
        .as("version 1 is stored, but it is the abort's, not the dispatch it builds on")
        .isFalse();
    assertThat(table.version("c")).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void aChangeQueuedAgainstOneLostInAnEarlierBatch_isNotWrittenEither(boolean keeps)
      throws Exception {
    start(keeps, 100);
    FlowRecord flow = TestTable.flow("d");
    GroupCommit.await(commit.insert(flow));
    GroupCommit.await(
        commit.compareAndSet(flow, flow.transitioned(FlowState.ABORTING, 0, null, null, null)));
    FlowRecord running = flow.transitioned(FlowState.RUNNING, 0, null, null, null);
    assertThat(GroupCommit.await(commit.compareAndSet(flow, running))).isFalse();

    assertThat(GroupCommit.await(commit.compareAndSet(running, running.withProgress(0.5))))
        .isFalse();
    assertThat(table.version("d")).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void aFullQueue_holdsCallersBack_untilTheWriterTakesTheirChanges(boolean keeps) throws Exception {
    start(keeps, 4);
    holdWriter();
    List<CompletableFuture<Void>> queued = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      queued.add(commit.insert(TestTable.flow("q" + i)));
    }
    assertThat(commit.queued()).isEqualTo(4);
    CompletableFuture<CompletableFuture<Void>> fifth = new CompletableFuture<>();
    Thread caller =
        Thread.ofVirtual().start(() -> fifth.complete(commit.insert(TestTable.flow("q4"))));
    awaitWaiting(caller);
    assertThat(fifth).isNotDone();
    assertThat(commit.queued()).isEqualTo(4);

    table.open();
    fifth.get(10, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS);
    for (CompletableFuture<Void> insert : queued) {
      insert.get(10, TimeUnit.SECONDS);
    }
    assertThat(table.version("q4")).isZero();
  }

  private static void awaitWaiting(Thread thread) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (thread.getState() != Thread.State.WAITING) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the caller never waited: " + thread.getState());
      }
      Thread.onSpinWait();
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void close_writesWhatIsQueued_thenRefusesNewChanges(boolean keeps) throws Exception {
    start(keeps, 100);
    holdWriter();
    CompletableFuture<Void> queued = commit.insert(TestTable.flow("last"));
    Thread closing = Thread.ofVirtual().start(commit::close);
    table.open();
    closing.join(10_000);

    assertThat(queued).isCompleted();
    assertThat(table.version("last")).isZero();
    assertThatThrownBy(() -> commit.insert(TestTable.flow("late")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }
}
