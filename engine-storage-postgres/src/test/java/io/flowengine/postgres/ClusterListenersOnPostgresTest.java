package io.flowengine.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.Flow;
import io.flowengine.FlowEngine;
import io.flowengine.FlowListener;
import io.flowengine.FlowState;
import io.flowengine.NewAsset;
import io.flowengine.NewFlow;
import io.flowengine.Template;
import io.flowengine.postgres.harness.PostgresExtension;
import io.flowengine.postgres.harness.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two engines in this JVM as nodes of one cluster on one schema: a listener registered on node a
 * hears the state changes of flows that node b runs, not only {@code awaitFlow} does. Node a has
 * one slot, held by a step that blocks, so b runs every other flow. Prints the time from b's
 * listener hearing a flow complete to a's hearing it (LISTEN/NOTIFY on loopback).
 */
@ExtendWith(PostgresExtension.class)
class ClusterListenersOnPostgresTest {
  private static final Duration LEASE = Duration.ofSeconds(2);
  private static final int FLOWS = 200;

  private final OpenStorages storages;
  private final String url;
  private final List<FlowEngine> nodes = new ArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);

  ClusterListenersOnPostgresTest(TestDatabase database) throws Exception {
    this.storages = new OpenStorages(database);
    this.url = database.newSchema();
  }

  @AfterEach
  void close() {
    release.countDown();
    nodes.forEach(FlowEngine::close);
    storages.close();
  }

  /** Records when a listener heard each flow complete, and each state it heard. */
  private static final class Heard implements FlowListener {
    final Map<String, Long> completedAt = new ConcurrentHashMap<>();
    final Map<String, List<FlowState>> states = new ConcurrentHashMap<>();
    final CountDownLatch completed = new CountDownLatch(FLOWS - 1);

    @Override
    public void onStateChange(@Nullable Flow previous, Flow current) {
      states
          .computeIfAbsent(
              current.id(), id -> java.util.Collections.synchronizedList(new ArrayList<>()))
          .add(current.state());
      if (current.state() == FlowState.COMPLETED) {
        if (completedAt.putIfAbsent(current.id(), System.nanoTime()) == null) {
          completed.countDown();
        }
      }
    }
  }

  private FlowEngine node(String id, Template template, int slots, FlowListener listener) {
    FlowEngine engine =
        FlowEngine.builder()
            .storage(storages.open(storages.builder(url).nodeId(id).lease(LEASE).cluster()))
            .template(template)
            .maxRunningFlows(slots)
            .listener(listener)
            .build();
    nodes.add(engine);
    return engine;
  }

  private Template template(boolean blocks) {
    return Template.builder("work")
        .inputTypes("text/plain")
        .step(
            ctx -> {
              if (blocks) {
                release.await();
              }
            })
        .build();
  }

  @Test
  void aListenerOnOneNode_hearsTheStateChangesMadeOnAnother() throws Exception {
    Heard onA = new Heard();
    Heard onB = new Heard();
    FlowEngine a = node("a", template(true), 1, onA);
    FlowEngine b = node("b", template(false), 8, onB);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < FLOWS; i++) {
      ids.add(b.createFlow(NewFlow.builder("work").input(NewAsset.text("x")).build()).id());
    }
    assertThat(onB.completed.await(60, TimeUnit.SECONDS)).as("b ran all but a's one").isTrue();
    List<String> ranOnB = new ArrayList<>(onB.completedAt.keySet());

    assertThat(onA.completed.await(30, TimeUnit.SECONDS))
        .as("a's listener heard %s of b's completions", FLOWS - 1 - onA.completed.getCount())
        .isTrue();
    assertThat(ranOnB)
        .hasSize(FLOWS - 1)
        .allSatisfy(id -> assertThat(onA.completedAt).containsKey(id));
    assertThat(ranOnB)
        .allSatisfy(id -> assertThat(onA.states.get(id)).endsWith(FlowState.COMPLETED));
    long[] lagMicros =
        ranOnB.stream()
            .mapToLong(
                id ->
                    TimeUnit.NANOSECONDS.toMicros(
                        onA.completedAt.get(id) - onB.completedAt.get(id)))
            .sorted()
            .toArray();
    System.out.printf(
        "listener on a heard b's completions: %d flows, lag p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        lagMicros.length,
        lagMicros[lagMicros.length / 2] / 1000.0,
        lagMicros[(int) Math.ceil(lagMicros.length * 0.99) - 1] / 1000.0,
        Arrays.stream(lagMicros).max().orElse(0) / 1000.0);
  }

  @Test
  void aListenerOnOneNode_hearsTheProgressReportedOnAnother() throws Exception {
    Map<String, String> ranOn = new ConcurrentHashMap<>();
    CountDownLatch heardElsewhere = new CountDownLatch(1);
    List<FlowEngine> engines = new ArrayList<>();
    for (String name : List.of("a", "b")) {
      Template reporting =
          Template.builder("work")
              .inputTypes("text/plain")
              .step(
                  ctx -> {
                    ranOn.put(ctx.flow().id(), name);
                    ctx.progress(0.5);
                    heardElsewhere.await(30, TimeUnit.SECONDS); // the run stays RUNNING till then
                  })
              .build();
      FlowListener listener =
          new FlowListener() {
            @Override
            public void onProgress(Flow flow) {
              String runner = ranOn.get(flow.id());
              if (runner != null && !runner.equals(name) && flow.progress() == 0.5) {
                heardElsewhere.countDown();
              }
            }
          };
      engines.add(node(name, reporting, 1, listener));
    }
    Flow flow =
        engines.get(1).createFlow(NewFlow.builder("work").input(NewAsset.text("x")).build());

    assertThat(heardElsewhere.await(10, TimeUnit.SECONDS))
        .as("the node not running %s heard its progress", flow.id())
        .isTrue();
    assertThat(engines.get(0).awaitFlow(flow.id()).get(30, TimeUnit.SECONDS).state())
        .isEqualTo(FlowState.COMPLETED);
  }
}
