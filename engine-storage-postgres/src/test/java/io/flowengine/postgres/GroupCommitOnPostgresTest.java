package io.flowengine.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowengine.StorageException;
import io.flowengine.postgres.harness.PostgresExtension;
import io.flowengine.postgres.harness.TestDatabase;
import io.flowengine.spi.FlowRecord;
import io.flowengine.spi.FlowStore;
import io.flowengine.tck.TestFlows;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The PostgreSQL store writes through the group commit: the changes of several callers that wait
 * together share one transaction, a lost compare-and-set loses alone, and a row PostgreSQL refuses
 * (which aborts its transaction) fails only its own caller while the rest of the batch commits.
 */
@ExtendWith(PostgresExtension.class)
class GroupCommitOnPostgresTest {
  private final OpenStorages storages;
  private final TestDatabase database;

  GroupCommitOnPostgresTest(TestDatabase database) {
    this.database = database;
    this.storages = new OpenStorages(database);
  }

  @AfterEach
  void close() {
    storages.close();
  }

  @Test
  void callersWaitingTogether_shareOneCommit_andARefusedRowFailsAlone() throws Exception {
    List<Integer> commits = new CopyOnWriteArrayList<>();
    AtomicBoolean hold = new AtomicBoolean();
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    PostgresStorage storage =
        storages.open(
            storages
                .builder(newSchema())
                .commitListener(
                    (changes, statements, nanos) -> {
                      commits.add(changes);
                      if (hold.compareAndSet(true, false)) {
                        held.countDown(); // the writer waits here, after its commit
                        awaitQuietly(release);
                      }
                    }));
    FlowStore flows = storage.flows();
    TestFlows testFlows = new TestFlows();
    List<FlowRecord> created = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      created.add(testFlows.created());
    }
    assertThat(flows.insertAll(created)).allMatch(outcome -> outcome.isEmpty());

    hold.set(true);
    CompletableFuture<Boolean> gate = flows.compareAndSetAsync(created.get(0), next(created, 0));
    assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
    commits.clear();
    // Eight callers on threads of their own queue while the writer is held.
    List<CompletableFuture<CompletableFuture<Boolean>>> queued = new ArrayList<>();
    for (int i = 1; i <= 8; i++) {
      int n = i;
      queued.add(
          CompletableFuture.supplyAsync(
              () ->
                  n == 4
                      // PostgreSQL refuses a NUL in text: the statement fails, the transaction too
                      ? flows.compareAndSetAsync(created.get(n), created.get(n).withInput("a\0b"))
                      : n == 6
                          ? flows.compareAndSetAsync( // expects version 1: loses
                              next(created, n), next(created, n).withProgress(0.75))
                          : flows.compareAndSetAsync(created.get(n), next(created, n)),
              task -> Thread.ofPlatform().start(task)));
    }
    List<CompletableFuture<Boolean>> updates = new ArrayList<>();
    for (var future : queued) {
      updates.add(future.get(30, TimeUnit.SECONDS));
    }
    release.countDown();

    assertThat(gate.get(30, TimeUnit.SECONDS)).isTrue();
    for (int i = 1; i <= 8; i++) {
      CompletableFuture<Boolean> update = updates.get(i - 1);
      if (i == 4) {
        assertThatThrownBy(() -> update.get(30, TimeUnit.SECONDS))
            .isInstanceOf(ExecutionException.class)
            .cause()
            .isInstanceOf(StorageException.class)
            .hasMessageContaining("could not update flow " + created.get(4).id());
        assertThat(flows.find(created.get(4).id())).contains(created.get(4));
      } else if (i == 6) {
        assertThat(update.get(30, TimeUnit.SECONDS)).as("the lost race").isFalse();
        assertThat(flows.find(created.get(6).id())).contains(created.get(6));
      } else {
        assertThat(update.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(flows.find(created.get(i).id())).contains(next(created, i));
      }
    }
    assertThat(commits).as("one commit carried all eight callers' changes").first().isEqualTo(8);
  }

  /** Many callers at once: more changes than commits, every one of them stored. */
  @Test
  void concurrentCallers_shareCommits_andEveryChangeIsStored() throws Exception {
    AtomicInteger changes = new AtomicInteger();
    AtomicInteger commits = new AtomicInteger();
    PostgresStorage storage =
        storages.open(
            storages
                .builder(newSchema())
                .commitListener(
                    (c, statements, nanos) -> {
                      changes.addAndGet(c);
                      commits.incrementAndGet();
                    }));
    FlowStore flows = storage.flows();
    int threads = 8;
    int perThread = 100;
    TestFlows testFlows = new TestFlows();
    List<CompletableFuture<List<FlowRecord>>> done = new ArrayList<>();
    CountDownLatch start = new CountDownLatch(1);
    for (int t = 0; t < threads; t++) {
      List<FlowRecord> mine = new ArrayList<>();
      for (int i = 0; i < perThread; i++) {
        mine.add(testFlows.created());
      }
      done.add(
          CompletableFuture.supplyAsync(
              () -> {
                awaitQuietly(start);
                List<FlowRecord> last = new ArrayList<>();
                for (FlowRecord record : mine) {
                  flows.insert(record);
                  FlowRecord moved = record.withProgress(0.5);
                  assertThat(flows.compareAndSet(record, moved)).isTrue();
                  last.add(moved);
                }
                return last;
              },
              task -> Thread.ofPlatform().start(task)));
    }
    start.countDown();
    for (var future : done) {
      for (FlowRecord record : future.get(2, TimeUnit.MINUTES)) {
        assertThat(flows.find(record.id())).contains(record);
      }
    }
    assertThat(changes.get()).isEqualTo(threads * perThread * 2);
    assertThat(commits.get()).as("commits shared by callers").isLessThan(changes.get());
  }

  private static FlowRecord next(List<FlowRecord> created, int i) {
    return created.get(i).withProgress(0.25);
  }

  private String newSchema() {
    try {
      return database.newSchema();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
