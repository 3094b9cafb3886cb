package io.flowengine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.Asset;
import io.flowengine.EngineLimits;
import io.flowengine.Flow;
import io.flowengine.FlowEngine;
import io.flowengine.FlowEngineException;
import io.flowengine.FlowOperations;
import io.flowengine.FlowQuery;
import io.flowengine.FlowState;
import io.flowengine.NewAsset;
import io.flowengine.NewFlow;
import io.flowengine.Step;
import io.flowengine.TestTemplates;
import io.flowengine.spi.FlowRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random interleavings of every operation from many threads and two accounts, checked against the
 * transition table at the store: every stored change of every flow is a legal transition (or a
 * same-state update), versions form an unbroken chain, every flow ends terminal once started, and
 * no acknowledged input is lost.
 */
class RandomizedStateMachineTest {
  private static final int THREADS = 6;
  private static final int OPERATIONS = 700;

  private record Change(
      String flowId, FlowState from, FlowState to, long fromVersion, long toVersion) {}

  private static final class RecordingStore extends ForwardingFlowStore {
    final ConcurrentLinkedQueue<Change> changes = new ConcurrentLinkedQueue<>();

    @Override
    public void insert(FlowRecord record) {
      super.insert(record);
      changes.add(new Change(record.id(), null, record.state(), -1, record.version()));
    }

    @Override
    public boolean compareAndSet(FlowRecord expected, FlowRecord next) {
      boolean stored = super.compareAndSet(expected, next);
      if (stored) {
        changes.add(
            new Change(
                next.id(), expected.state(), next.state(), expected.version(), next.version()));
      }
      return stored;
    }
  }

  private static boolean legal(FlowState from, FlowState to) {
    if (from == null) {
      return to == FlowState.CREATED || to == FlowState.STARTING;
    }
    if (from == to) {
      return from == FlowState.CREATED || from == FlowState.RUNNING; // inputs, progress
    }
    for (FlowEvent event : FlowEvent.values()) {
      if (event != FlowEvent.REQUEUE && FlowTransitions.next(from, event) == to) {
        return true;
      }
    }
    return false;
  }

  private static final Step work =
      context -> {
        for (int i = 1; i <= 3; i++) {
          context.checkpoint();
          Thread.yield();
          context.progress(i / 3.0);
        }
        for (Asset input : context.inputs()) {
          try (var in = context.open(input)) {
            context.writeOutput("text/plain", in, input);
          }
        }
        if (context.inputs().size() == 2) {
          throw new IllegalStateException("two inputs fail");
        }
      };

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void randomInterleavings_keepEveryInvariant(long seed) throws Exception {
    RecordingStore store = new RecordingStore();
    List<Throwable> unexpected = new CopyOnWriteArrayList<>();
    Map<String, Set<String>> inputs = new ConcurrentHashMap<>();
    Set<String> deleted = ConcurrentHashMap.newKeySet();
    List<String> ids = new CopyOnWriteArrayList<>();
    try (FlowEngine engine =
        FlowEngine.builder()
            .storage(store.storage())
            .template(TestTemplates.of("work", work))
            .limits(EngineLimits.builder().maxInputsPerFlow(4).build())
            .maxRunningFlows(8)
            .build()) {
      Instant expiry = Instant.now().plus(Duration.ofHours(1));
      List<FlowOperations> callers =
          List.of(
              engine,
              engine.authenticate(engine.apiKeys().create("a", "k", expiry).secret()),
              engine.authenticate(engine.apiKeys().create("b", "k", expiry).secret()));
      for (int i = 0; i < 20; i++) {
        String id = engine.createFlow(NewFlow.of("work")).id();
        ids.add(id);
        inputs.put(id, ConcurrentHashMap.newKeySet());
      }
      List<Future<?>> workers = new ArrayList<>();
      try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
        for (int t = 0; t < THREADS; t++) {
          Random random = new Random(seed * 100 + t);
          workers.add(
              pool.submit(
                  () -> {
                    for (int op = 0; op < OPERATIONS; op++) {
                      FlowOperations ops = callers.get(random.nextInt(callers.size()));
                      String id = ids.get(random.nextInt(ids.size()));
                      try {
                        switch (random.nextInt(12)) {
                          case 0 -> {
                            NewFlow.Builder request = NewFlow.builder("work");
                            int count = random.nextInt(3);
                            for (int i = 0; i < count; i++) {
                              request.input(NewAsset.text("c" + i));
                            }
                            Flow flow = ops.createFlow(request.build());
                            inputs.put(flow.id(), ConcurrentHashMap.newKeySet());
                            ops.listInputs(flow.id())
                                .forEach(a -> inputs.get(flow.id()).add(a.id()));
                            ids.add(flow.id());
                          }
                          case 1 -> ops.startFlow(id);
                          case 2 -> ops.abortFlow(id);
                          case 3 -> {
                            if (random.nextInt(8) == 0) {
                              ops.deleteFlow(id);
                              deleted.add(id);
                            }
                          }
                          case 4, 5 ->
                              inputs.get(id).add(ops.addInput(id, NewAsset.text("op" + op)).id());
                          case 6 -> ops.getFlow(id);
                          case 7 -> ops.listFlows(FlowQuery.builder().limit(5).build());
                          case 8 ->
                              ops.listInputs(id).forEach(a -> ops.getInput(id, a.id()).bytes());
                          case 9 ->
                              ops.listOutputs(id).forEach(a -> ops.getOutput(id, a.id()).bytes());
                          default -> ops.getFlow(id);
                        }
                      } catch (FlowEngineException refused) {
                        // state refusals, not-found across accounts or after delete, input limits
                      } catch (RuntimeException e) {
                        unexpected.add(e);
                      }
                    }
                    return null;
                  }));
        }
        for (Future<?> worker : workers) {
          worker.get(60, TimeUnit.SECONDS);
        }
      }

      for (String id : ids) {
        if (deleted.contains(id)) {
          continue;
        }
        Flow flow = engine.getFlow(id);
        if (flow.state() == FlowState.CREATED) {
          if (inputs.get(id).isEmpty()) {
            inputs.get(id).add(engine.addInput(id, NewAsset.text("last")).id());
          }
          engine.startFlow(id);
        }
        Flow end = engine.awaitFlow(id).get(30, TimeUnit.SECONDS);
        assertThat(end.state().isTerminal()).isTrue();
        assertThat(engine.listInputs(id))
            .extracting(Asset::id)
            .containsExactlyInAnyOrderElementsOf(inputs.get(id));
      }
    }
    assertThat(unexpected).isEmpty();

    Map<String, List<Change>> byFlow =
        store.changes.stream().collect(Collectors.groupingBy(Change::flowId));
    List<String> violations = Collections.synchronizedList(new ArrayList<>());
    byFlow.forEach(
        (flowId, changes) -> {
          changes.sort(Comparator.comparingLong(Change::toVersion));
          for (int i = 0; i < changes.size(); i++) {
            Change change = changes.get(i);
            if (change.toVersion() != i || change.fromVersion() != i - 1) {
              violations.add(flowId + ": version chain broken at " + change);
            }
            if (!legal(change.from(), change.to())) {
              violations.add(flowId + ": illegal " + change.from() + " -> " + change.to());
            }
          }
        });
    assertThat(violations).isEmpty();
    assertThat(store.changes.stream().map(Change::to).collect(Collectors.toSet()))
        .as("the run reached every state")
        .containsAll(Set.of(FlowState.values()));
  }
}
