package io.flowengine.h2;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.CreateFlowResult;
import io.flowengine.Flow;
import io.flowengine.FlowEngine;
import io.flowengine.FlowState;
import io.flowengine.NewAsset;
import io.flowengine.NewFlow;
import io.flowengine.Template;
import io.flowengine.spi.FlowRecord;
import io.flowengine.spi.FlowStore;
import io.flowengine.tck.TestFlows;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The group commit through the H2 storage: shared commits, lost races, progress, createFlows. */
class GroupCommitOnH2Test {
  @TempDir Path dir;

  /**
   * Eight threads each raise one flow's version 200 times with the read, compare-and-set, retry
   * loop every caller uses; their updates share batches, so most lose a race inside a batch. Every
   * lost one is retried and none is applied twice: the final version is the number of increments.
   */
  @Test
  void lostCompareAndSetsInsideBatches_areRetried_andNoUpdateIsLostOrDoubled() throws Exception {
    List<int[]> commits = new CopyOnWriteArrayList<>();
    try (H2Storage storage =
        H2Storage.builder()
            .directory(dir)
            .commitListener((changes, statements, nanos) -> commits.add(new int[] {changes}))
            .open()) {
      FlowStore flows = storage.flows();
      FlowRecord flow = new TestFlows().created();
      flows.insert(flow);
      int threads = 8;
      int increments = 200;
      AtomicInteger lost = new AtomicInteger();
      CountDownLatch start = new CountDownLatch(1);
      List<CompletableFuture<Void>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(
            CompletableFuture.runAsync(
                () -> {
                  awaitQuietly(start);
                  for (int i = 0; i < increments; i++) {
                    while (true) {
                      FlowRecord current = flows.find(flow.id()).orElseThrow();
                      if (flows.compareAndSet(
                          current, current.withProgress((current.version() + 1) / 10_000.0))) {
                        break;
                      }
                      lost.incrementAndGet();
                    }
                  }
                },
                task -> Thread.ofPlatform().start(task)));
      }
      start.countDown();
      CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);

      FlowRecord last = flows.find(flow.id()).orElseThrow();
      assertThat(last.version()).isEqualTo(threads * increments);
      assertThat(last.progress()).isEqualTo(threads * increments / 10_000.0);
      assertThat(lost).as("races lost inside shared batches").hasPositiveValue();
      assertThat(commits)
          .as("some commit carried several callers' changes")
          .anyMatch(c -> c[0] > 1);
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A step that reports progress a thousand times: the flow completes with every change told to
   * listeners only after it was stored, and the thousand updates cost far fewer statements.
   */
  @Test
  void aThousandProgressReports_areCoalesced_andTheFlowCompletes() throws Exception {
    AtomicInteger statements = new AtomicInteger();
    AtomicInteger changes = new AtomicInteger();
    Template chatty =
        Template.builder("chatty")
            .inputTypes("text/plain")
            .step(
                ctx -> {
                  for (int i = 1; i <= 1000; i++) {
                    ctx.progress(i / 1000.0);
                  }
                })
            .build();
    H2Storage storage =
        H2Storage.builder()
            .directory(dir)
            .commitListener(
                (c, s, nanos) -> {
                  changes.addAndGet(c);
                  statements.addAndGet(s);
                })
            .open();
    try (FlowEngine engine = FlowEngine.builder().storage(storage).template(chatty).build()) {
      Flow flow = engine.createFlow(NewFlow.builder("chatty").input(NewAsset.text("x")).build());
      Flow done = engine.awaitFlow(flow.id()).get(1, TimeUnit.MINUTES);

      assertThat(done.state()).isEqualTo(FlowState.COMPLETED);
      assertThat(engine.getFlow(flow.id()).state()).isEqualTo(FlowState.COMPLETED);
    }
    System.out.printf(
        "1000 progress reports: %d changes in %d statements%n", changes.get(), statements.get());
    assertThat(changes.get()).isGreaterThan(1000);
    assertThat(statements.get()).isLessThan(changes.get() / 2);
  }

  @Test
  void createFlows_storesTheValidRequests_andRefusesTheOthersAlone() {
    Template echo = Template.builder("echo").inputTypes("text/plain").step(ctx -> {}).build();
    try (FlowEngine engine =
        FlowEngine.builder()
            .storage(H2Storage.open(dir))
            .template(echo)
            .executor(task -> {})
            .build()) {
      List<NewFlow> requests = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        requests.add(i % 100 == 7 ? NewFlow.of("missing") : NewFlow.of("echo"));
      }
      List<CreateFlowResult> results = engine.createFlows(requests);

      assertThat(results).filteredOn(CreateFlowResult::isCreated).hasSize(990);
      for (CreateFlowResult result : results) {
        if (result.isCreated()) {
          assertThat(engine.getFlow(result.flowOrThrow().id()).state())
              .isEqualTo(FlowState.CREATED);
        }
      }
    }
  }
}
