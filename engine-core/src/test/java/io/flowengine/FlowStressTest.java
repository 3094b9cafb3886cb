package io.flowengine;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.testing.TestFlowEngine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Many threads race start, abort, delete, addInput and reads on shared flows. Every state change
 * any listener sees must be a legal transition, nothing but the documented exceptions may be
 * thrown, every acknowledged input must stay listed, and close() must leave no thread behind.
 */
class FlowStressTest {
  private static final int FLOWS = 150;
  private static final int THREADS = 8;
  private static final int OPERATIONS_PER_THREAD = 1500;
  private static final Set<String> LEGAL =
      Set.of(
          "null>created",
          "null>starting",
          "created>starting",
          "starting>running",
          "starting>aborting",
          "starting>failed",
          "running>completed",
          "running>failed",
          "running>aborting",
          "aborting>aborted");

  /** Works a little, checking for abort. */
  private static final Step busyStep =
      context -> {
        for (int i = 1; i <= 5; i++) {
          context.checkpoint();
          Thread.yield();
          context.progress(i / 5.0);
        }
      };

  /**
   * Works like {@link #busyStep}, then fails: every third flow runs it, so each run that is not
   * aborted first ends FAILED whatever the interleaving.
   */
  private static final Step doomedStep =
      context -> {
        busyStep.run(context);
        throw new IllegalStateException("doomed");
      };

  @Test
  void racingOperations_onlyEverMakeLegalTransitions() throws Exception {
    List<String> illegal = Collections.synchronizedList(new ArrayList<>());
    List<Throwable> unexpected = Collections.synchronizedList(new ArrayList<>());
    Map<String, Set<String>> acknowledgedInputs = new ConcurrentHashMap<>();
    Set<String> deleted = ConcurrentHashMap.newKeySet();
    FlowListener checker =
        new FlowListener() {
          @Override
          public void onStateChange(Flow previous, Flow current) {
            String change =
                (previous == null ? "null" : previous.state().wireName())
                    + ">"
                    + current.state().wireName();
            if (!LEGAL.contains(change)) {
              illegal.add(current.id() + " " + change);
            }
          }
        };
    TestFlowEngine fake =
        TestFlowEngine.builder()
            .mode(TestFlowEngine.Mode.VIRTUAL_THREADS)
            .template(TestTemplates.of("busy", busyStep))
            .template(TestTemplates.of("doomed", doomedStep))
            .limits(EngineLimits.builder().maxInputsPerFlow(6).build())
            .customize(b -> b.listener(checker).maxRunningFlows(16))
            .build();
    FlowEngine engine = fake.engine();
    List<String> ids = new ArrayList<>();
    // Every fifth flow is never aborted nor deleted, so once a racing start reaches it, it ends
    // COMPLETED or FAILED whatever the interleaving: the race cannot abort every flow it runs.
    Set<String> spared = new HashSet<>();
    for (int i = 0; i < FLOWS; i++) {
      String id = engine.createFlow(NewFlow.of(i % 3 == 2 ? "doomed" : "busy")).id();
      ids.add(id);
      if (i % 5 == 0) {
        spared.add(id);
      }
      acknowledgedInputs.put(id, ConcurrentHashMap.newKeySet());
    }

    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> workers = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
      for (int t = 0; t < THREADS; t++) {
        Random random = new Random(42 + t);
        workers.add(
            pool.submit(
                () -> {
                  go.await();
                  for (int op = 0; op < OPERATIONS_PER_THREAD; op++) {
                    String id = ids.get(random.nextInt(ids.size()));
                    try {
                      switch (random.nextInt(8)) {
                        case 0 -> engine.startFlow(id);
                        case 1 -> {
                          if (!spared.contains(id)) {
                            engine.abortFlow(id);
                          }
                        }
                        case 2 -> {
                          if (random.nextInt(10) == 0 && !spared.contains(id)) {
                            engine.deleteFlow(id);
                            deleted.add(id);
                          }
                        }
                        case 3, 4 ->
                            acknowledgedInputs
                                .get(id)
                                .add(engine.addInput(id, NewAsset.text("op" + op)).id());
                        case 5 -> engine.getFlow(id);
                        case 6 -> engine.listInputs(id);
                        default -> engine.listOutputs(id);
                      }
                    } catch (FlowStateException
                        | NotFoundException
                        | PayloadTooLargeException expected) {
                      // the documented refusals of a racing request
                    } catch (RuntimeException e) {
                      unexpected.add(e);
                    }
                  }
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> worker : workers) {
        worker.get(60, TimeUnit.SECONDS);
      }
    }

    Map<FlowState, Integer> finalStates = new java.util.EnumMap<>(FlowState.class);
    for (String id : ids) {
      if (deleted.contains(id)) {
        continue;
      }
      Flow flow = engine.awaitFlow(id).handle((f, e) -> f).get(30, TimeUnit.SECONDS);
      Flow now = flow != null ? flow : engine.getFlow(id);
      assertThat(now.state())
          .isIn(FlowState.CREATED, FlowState.COMPLETED, FlowState.FAILED, FlowState.ABORTED);
      if (now.state() == FlowState.COMPLETED) {
        assertThat(now.progress()).isEqualTo(1.0);
      } else {
        assertThat(now.progress()).isLessThan(1.0);
      }
      assertThat(engine.listInputs(id))
          .extracting(Asset::id)
          .containsExactlyInAnyOrderElementsOf(acknowledgedInputs.get(id));
      finalStates.merge(now.state(), 1, Integer::sum);
    }
    // the race really exercised every outcome
    assertThat(finalStates).containsKeys(FlowState.COMPLETED, FlowState.FAILED, FlowState.ABORTED);
    assertThat(deleted).isNotEmpty();
    assertThat(unexpected).isEmpty();
    assertThat(illegal).isEmpty();
    fake.close(); // fails if a flow thread is still alive
  }
}
