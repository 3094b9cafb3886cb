package io.flowengine.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.Flow;
import io.flowengine.FlowEngine;
import io.flowengine.FlowState;
import io.flowengine.NewAsset;
import io.flowengine.NewFlow;
import io.flowengine.Template;
import io.flowengine.spi.ContextPropagator;
import io.flowengine.spi.FlowObserver;
import io.flowengine.spi.FlowRun;
import io.flowengine.spi.ObservationScope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class ContextPropagationTest {
  private static final String TEXT = "text/plain";

  /** A caller context of the simplest kind: a thread-local string. */
  static final class Tenant implements ContextPropagator<String> {
    static final ThreadLocal<@Nullable String> CURRENT = new ThreadLocal<>();

    @Override
    public @Nullable String capture() {
      return CURRENT.get();
    }

    @Override
    public Attachment attach(String context) {
      String previous = CURRENT.get();
      CURRENT.set(context);
      return () -> CURRENT.set(previous);
    }
  }

  private final Map<String, Object> seen = new ConcurrentHashMap<>();

  @AfterEach
  void clearCallerThread() {
    MDC.clear();
    Tenant.CURRENT.remove();
  }

  private Template recording(String name) {
    return Template.builder(name)
        .inputTypes(TEXT)
        .step(
            ctx -> {
              seen.put("thread", Thread.currentThread());
              seen.put("tenant", String.valueOf(Tenant.CURRENT.get()));
              Map<String, String> mdc = MDC.getCopyOfContextMap();
              seen.put("mdc", mdc == null ? Map.of() : new HashMap<>(mdc));
            })
        .build();
  }

  @Test
  void callerContextAndMdcAtCreateFlowReachTheStepOnItsOwnThread() {
    try (FlowEngine engine =
        FlowEngine.builder().contextPropagator(new Tenant()).template(recording("rec")).build()) {
      MDC.put("requestId", "req-7");
      Tenant.CURRENT.set("acme-tenant");
      Flow flow = engine.createFlow(NewFlow.builder("rec").input(NewAsset.text("x")).build());
      assertThat(engine.awaitFlow(flow.id()).join().state()).isEqualTo(FlowState.COMPLETED);

      assertThat(seen.get("thread")).isNotSameAs(Thread.currentThread());
      assertThat(seen.get("tenant")).isEqualTo("acme-tenant");
      assertThat(seen.get("mdc"))
          .isEqualTo(
              Map.of(
                  "requestId", "req-7",
                  "flowengine.flowId", flow.id(),
                  "flowengine.template", "rec",
                  "flowengine.attempt", "1"));
    }
  }

  @Test
  void threadsAStepFansOutToCarryTheStepsMdcAndContexts() {
    Template fanOut =
        Template.builder("fan")
            .inputTypes(TEXT)
            .step(
                ctx ->
                    ctx.inParallel(
                        List.of(1, 2, 3),
                        i -> {
                          Map<String, String> mdc = MDC.getCopyOfContextMap();
                          seen.put("mdc-" + i, mdc == null ? Map.of() : new HashMap<>(mdc));
                          seen.put("tenant-" + i, String.valueOf(Tenant.CURRENT.get()));
                          seen.put("thread-" + i, Thread.currentThread());
                          return i;
                        }))
            .build();
    try (FlowEngine engine =
        FlowEngine.builder().contextPropagator(new Tenant()).template(fanOut).build()) {
      MDC.put("requestId", "req-8");
      Tenant.CURRENT.set("acme-tenant");
      Flow flow = engine.createFlow(NewFlow.builder("fan").input(NewAsset.text("x")).build());
      assertThat(engine.awaitFlow(flow.id()).join().state()).isEqualTo(FlowState.COMPLETED);
      for (int i = 1; i <= 3; i++) {
        assertThat(seen.get("thread-" + i)).isNotSameAs(Thread.currentThread());
        assertThat(seen.get("tenant-" + i)).isEqualTo("acme-tenant");
        assertThat(seen.get("mdc-" + i))
            .isEqualTo(
                Map.of(
                    "requestId", "req-8",
                    "flowengine.flowId", flow.id(),
                    "flowengine.template", "fan",
                    "flowengine.attempt", "1"));
      }
    }
  }

  @Test
  void theAccountIsInTheMdcOfAnAuthenticatedCallersFlow() {
    try (FlowEngine engine = FlowEngine.builder().template(recording("rec")).build()) {
      var key = engine.apiKeys().create("acme", "test", java.time.Instant.now().plusSeconds(3600));
      Flow flow =
          engine
              .authenticate(key.secret())
              .createFlow(NewFlow.builder("rec").input(NewAsset.text("x")).build());
      engine.awaitFlow(flow.id()).join();
      assertThat(seen.get("mdc")).asString().contains("flowengine.account=acme");
    }
  }

  @Test
  void theContextOfTheLastCallBeforeTheRunIsCarried() {
    try (FlowEngine engine =
        FlowEngine.builder().contextPropagator(new Tenant()).template(recording("rec")).build()) {
      Tenant.CURRENT.set("at-create");
      Flow flow = engine.createFlow(NewFlow.of("rec"));
      Tenant.CURRENT.set("at-add-input");
      engine.addInput(flow.id(), NewAsset.text("x"));
      Tenant.CURRENT.set("at-start");
      engine.startFlow(flow.id());
      engine.awaitFlow(flow.id()).join();
      assertThat(seen.get("tenant")).isEqualTo("at-start");
    }
  }

  @Test
  void stepKeysAreClearedAfterEachStepAndTheThreadGetsItsOwnMdcBack() throws Exception {
    List<String> stepKeysAtRunEnd = new ArrayList<>();
    FlowObserver atRunEnd =
        new FlowObserver() {
          @Override
          public ObservationScope runStarted(FlowRun flow) {
            return failure -> stepKeysAtRunEnd.add(String.valueOf(MDC.get("flowengine.flowId")));
          }
        };
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      // the pool's one thread has an MDC of its own, which a flow must not leave changed
      pool.submit(() -> MDC.put("worker", "pool-1")).get(5, TimeUnit.SECONDS);
      try (FlowEngine engine =
          FlowEngine.builder()
              .executor(pool)
              .observer(atRunEnd)
              .template(recording("rec"))
              .build()) {
        MDC.put("requestId", "req-9");
        Flow flow = engine.createFlow(NewFlow.builder("rec").input(NewAsset.text("x")).build());
        engine.awaitFlow(flow.id()).get(5, TimeUnit.SECONDS);
        assertThat(seen.get("mdc")).asString().doesNotContain("worker");
        // the run's scope closes after the step: by then the step's keys are gone
        Map<String, String> after = pool.submit(MDC::getCopyOfContextMap).get(5, TimeUnit.SECONDS);
        assertThat(after).isEqualTo(Map.of("worker", "pool-1"));
        assertThat(stepKeysAtRunEnd).containsExactly("null");
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
