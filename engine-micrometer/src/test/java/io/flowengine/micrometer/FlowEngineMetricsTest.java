package io.flowengine.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.Flow;
import io.flowengine.FlowEngine;
import io.flowengine.FlowState;
import io.flowengine.NewAsset;
import io.flowengine.NewFlow;
import io.flowengine.Template;
import io.flowengine.testing.ManualClock;
import io.flowengine.testing.ManualExecutor;
import io.flowengine.testing.Steps;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FlowEngineMetricsTest {
  private static final String TEXT = "text/plain";

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ManualClock clock = new ManualClock();
  private final ManualExecutor executor = new ManualExecutor();

  private FlowEngine engine(FlowEngineMetrics metrics) {
    Template ok =
        Template.builder("ok")
            .inputTypes(TEXT)
            .outputTypes(TEXT)
            .step(
                ctx -> {
                  clock.advance(Duration.ofSeconds(2));
                  ctx.writeOutput(TEXT, "12345".getBytes(StandardCharsets.UTF_8));
                })
            .build();
    Template broken = Template.builder("broken").inputTypes(TEXT).step(Steps.fail("no")).build();
    return FlowEngine.builder()
        .clock(clock)
        .deadlineScheduler(clock)
        .executor(executor)
        .maxRunningFlows(1)
        .observer(metrics)
        .template(ok)
        .template(broken)
        .build();
  }

  private double count(String name, String template) {
    var counter = registry.find(name).tag(MeterNames.TEMPLATE, template).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void flowsAreCountedByTemplateAndOutcomeAndTimed() {
    FlowEngineMetrics metrics = new FlowEngineMetrics(registry);
    try (FlowEngine engine = engine(metrics)) {
      metrics.bindLoad(engine);
      Flow first = engine.createFlow(NewFlow.builder("ok").input(NewAsset.text("abc")).build());
      Flow second = engine.createFlow(NewFlow.builder("ok").input(NewAsset.text("de")).build());
      Flow third = engine.createFlow(NewFlow.builder("broken").input(NewAsset.text("f")).build());
      // one slot: the first holds it, the others wait
      assertThat(registry.get(MeterNames.RUNNING).gauge().value()).isEqualTo(1);
      assertThat(registry.get(MeterNames.QUEUED).gauge().value()).isEqualTo(2);
      engine.abortFlow(second.id()); // aborted while queued: it never ran
      clock.advance(Duration.ofSeconds(3));
      executor.runUntilIdle();

      assertThat(engine.getFlow(first.id()).state()).isEqualTo(FlowState.COMPLETED);
      assertThat(engine.getFlow(third.id()).state()).isEqualTo(FlowState.FAILED);
      assertThat(count(MeterNames.CREATED, "ok")).isEqualTo(2);
      assertThat(count(MeterNames.CREATED, "broken")).isEqualTo(1);
      assertThat(count(MeterNames.COMPLETED, "ok")).isEqualTo(1);
      assertThat(count(MeterNames.ABORTED, "ok")).isEqualTo(1);
      assertThat(count(MeterNames.FAILED, "broken")).isEqualTo(1);
      assertThat(count(MeterNames.FAILED, "ok")).isZero();
      assertThat(
              registry
                  .get(MeterNames.FAILED)
                  .tags(MeterNames.TEMPLATE, "broken", MeterNames.OUTCOME, "failed")
                  .counter()
                  .count())
          .isEqualTo(1);

      Timer queued = registry.get(MeterNames.QUEUED_TIME).tag(MeterNames.TEMPLATE, "ok").timer();
      assertThat(queued.count()).isEqualTo(1);
      assertThat(queued.totalTime(TimeUnit.SECONDS)).isEqualTo(3);
      // the failed flow waited while the first ran its 2 s
      assertThat(
              registry
                  .get(MeterNames.QUEUED_TIME)
                  .tag(MeterNames.TEMPLATE, "broken")
                  .timer()
                  .totalTime(TimeUnit.SECONDS))
          .isEqualTo(5);
      Timer ran =
          registry
              .get(MeterNames.RUN_TIME)
              .tags(MeterNames.TEMPLATE, "ok", MeterNames.OUTCOME, "completed")
              .timer();
      assertThat(ran.count()).isEqualTo(1);
      assertThat(ran.totalTime(TimeUnit.SECONDS)).isEqualTo(2);
      assertThat(ran.takeSnapshot().percentileValues()).hasSize(3);
      assertThat(registry.find(MeterNames.RUN_TIME).tag(MeterNames.OUTCOME, "aborted").timer())
          .isNull();

      assertThat(registry.get(MeterNames.INPUT_BYTES).counter().count()).isEqualTo(3 + 2 + 1);
      assertThat(registry.get(MeterNames.OUTPUT_BYTES).counter().count()).isEqualTo(5);
      assertThat(registry.get(MeterNames.RUNNING).gauge().value()).isZero();
      assertThat(registry.get(MeterNames.QUEUED).gauge().value()).isZero();
    }
  }

  @Test
  void commitsAreTimedAndSized() {
    FlowEngineMetrics metrics = new FlowEngineMetrics(registry);
    metrics.committed(8, 5, TimeUnit.MILLISECONDS.toNanos(4));
    metrics.committed(2, 2, TimeUnit.MILLISECONDS.toNanos(2));
    assertThat(registry.get(MeterNames.COMMIT_TIME).timer().count()).isEqualTo(2);
    assertThat(registry.get(MeterNames.COMMIT_TIME).timer().totalTime(TimeUnit.MILLISECONDS))
        .isEqualTo(6);
    assertThat(registry.get(MeterNames.COMMIT_CHANGES).summary().totalAmount()).isEqualTo(10);
    assertThat(registry.get(MeterNames.COMMIT_CHANGES).summary().max()).isEqualTo(8);
    assertThat(registry.get(MeterNames.COMMIT_STATEMENTS).summary().totalAmount()).isEqualTo(7);
  }
}
