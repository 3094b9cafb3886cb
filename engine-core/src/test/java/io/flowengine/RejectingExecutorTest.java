package io.flowengine;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.testing.Steps;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: a host executor that refuses tasks leaves no flow stuck. Before, 4,760 of 5,000 flows
 * stayed STARTING for good on this executor, aborting them left them ABORTING, and a long queue of
 * refusals recursed once per refused flow.
 */
class RejectingExecutorTest {
  private static final int FLOWS = 5_000;

  /** The executor from the issue: one thread, ten queued tasks, then AbortPolicy. */
  private static ThreadPoolExecutor smallPool() {
    return new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(10));
  }

  private static NewFlow oneInput() {
    return NewFlow.builder("t").input(NewAsset.text("x")).build();
  }

  @Test
  void everyRefusedFlowRunsOnceCapacityFrees() throws Exception {
    ThreadPoolExecutor pool = smallPool();
    LongAdder refusals = new LongAdder();
    Executor counting =
        task -> {
          try {
            pool.execute(task);
          } catch (RejectedExecutionException e) {
            refusals.increment();
            throw e;
          }
        };
    try (FlowEngine engine =
        FlowEngine.builder()
            .executor(counting)
            .template(TestTemplates.of("t", Steps.succeed()))
            .build()) {
      List<CompletableFuture<Flow>> ends = new ArrayList<>();
      for (int i = 0; i < FLOWS; i++) {
        ends.add(engine.awaitFlow(engine.createFlow(oneInput()).id()));
      }
      for (CompletableFuture<Flow> end : ends) {
        assertThat(end.get(60, TimeUnit.SECONDS).state()).isEqualTo(FlowState.COMPLETED);
      }
      assertThat(refusals.sum()).as("the executor really refused").isPositive();
      // a run gives its slot back as its task ends, just after the flow's end is heard
      pool.shutdown();
      assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
      assertThat(engine.load()).isEqualTo(new EngineLoad(0, 0));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void abortingHalfOfTheRefusedFlows_endsThemAborted() throws Exception {
    ThreadPoolExecutor pool = smallPool();
    // The pool's one thread is busy until every abort is in, so no flow can finish before its
    // abort: the queued ones wait in the pool's queue, the rest are refused and wait in the engine.
    CompletableFuture<Void> release = new CompletableFuture<>();
    pool.execute(release::join);
    try (FlowEngine engine =
        FlowEngine.builder()
            .executor(pool)
            .template(TestTemplates.of("t", Steps.succeed()))
            .build()) {
      List<String> ids = new ArrayList<>();
      List<CompletableFuture<Flow>> ends = new ArrayList<>();
      List<Boolean> abortTaken = new ArrayList<>();
      for (int i = 0; i < FLOWS; i++) {
        String id = engine.createFlow(oneInput()).id();
        ids.add(id);
        ends.add(engine.awaitFlow(id));
        boolean taken = false;
        if (i % 2 == 0) {
          try {
            engine.abortFlow(id);
            taken = true;
          } catch (FlowStateException finishedFirst) {
            assertThat(finishedFirst.state().isTerminal()).isTrue();
          }
        }
        abortTaken.add(taken);
      }
      release.complete(null);
      Map<FlowState, Integer> counts = new EnumMap<>(FlowState.class);
      for (int i = 0; i < FLOWS; i++) {
        FlowState end = ends.get(i).get(60, TimeUnit.SECONDS).state();
        counts.merge(end, 1, Integer::sum);
        if (abortTaken.get(i)) {
          assertThat(end).as("aborted flow %s", ids.get(i)).isEqualTo(FlowState.ABORTED);
        } else {
          assertThat(end).as("flow %s", ids.get(i)).isEqualTo(FlowState.COMPLETED);
        }
      }
      assertThat(counts.getOrDefault(FlowState.ABORTED, 0))
          .as("every abort caught its flow still queued or refused")
          .isEqualTo(FLOWS / 2);
      // a run gives its slot back as its task ends, just after the flow's end is heard
      pool.shutdown();
      assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
      assertThat(engine.load()).isEqualTo(new EngineLoad(0, 0));
    } finally {
      release.complete(null);
      pool.shutdownNow();
    }
  }

  /** Holds the first task, refuses every other until opened, then runs each on a virtual thread. */
  private static final class GatedExecutor implements Executor {
    final CompletableFuture<Runnable> held = new CompletableFuture<>();
    volatile boolean open;
    volatile int refusals;

    @Override
    public void execute(Runnable task) {
      if (open) {
        Thread.ofVirtual().start(task);
      } else if (!held.complete(task)) {
        refusals++; // only the runner's launching thread gets here at a time
        throw new RejectedExecutionException("gate closed");
      }
    }
  }

  @Test
  void aLongQueueOfRefusals_doesNotGrowTheStack() throws Exception {
    int flows = 100_000;
    GatedExecutor gate = new GatedExecutor();
    try (FlowEngine engine =
        FlowEngine.builder()
            .executor(gate)
            .maxRunningFlows(1)
            .template(TestTemplates.of("t", Steps.succeed()))
            .build()) {
      List<String> ids = new ArrayList<>(flows);
      for (int i = 0; i < flows; i++) {
        ids.add(engine.createFlow(oneInput()).id());
      }
      Runnable first = gate.held.get(10, TimeUnit.SECONDS);
      CompletableFuture<Void> ran = new CompletableFuture<>();
      Thread small =
          new Thread(
              null,
              () -> {
                try {
                  first.run(); // its end offers the next queued flow to the closed gate
                  ran.complete(null);
                } catch (Throwable t) {
                  ran.completeExceptionally(t);
                }
              },
              "small-stack",
              128 * 1024);
      small.start();
      ran.get(30, TimeUnit.SECONDS); // a StackOverflowError would fail here
      assertThat(gate.refusals).isPositive();
      assertThat(engine.load().queuedFlows()).isEqualTo(flows - 1);
      gate.open = true; // the back-off retry takes the queue from here
      for (String id : ids) {
        assertThat(engine.awaitFlow(id).get(60, TimeUnit.SECONDS).state())
            .isEqualTo(FlowState.COMPLETED);
      }
    }
  }
}
