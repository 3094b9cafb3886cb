package io.flowengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowengine.testing.BlockingStep;
import io.flowengine.testing.Steps;
import io.flowengine.testing.TestFlowEngine;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Builder checks, close, retention and run-time template registration. */
class EngineLifecycleTest {

  @Test
  void builderOptions_canBeSetOnce_andAreCheckedAtOnce() {
    FlowEngine.Builder builder = FlowEngine.builder().executor(Runnable::run);
    assertThatThrownBy(() -> builder.executor(Runnable::run))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("executor was already set to");
    assertThatThrownBy(() -> FlowEngine.builder().maxRunningFlows(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FlowEngine.builder().shutdownTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                FlowEngine.builder()
                    .template(TestTemplates.echo())
                    .template(TestTemplates.echo())
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already registered");
  }

  @Test
  void close_interruptsRunningSteps_waitsForTheirThreads_andRefusesLaterCalls() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch exited = new CountDownLatch(1);
    Step waitForever =
        context -> {
          entered.countDown();
          try {
            new CountDownLatch(1).await();
          } finally {
            exited.countDown();
          }
        };
    FlowEngine engine = FlowEngine.builder().template(TestTemplates.of("t", waitForever)).build();
    Flow flow = engine.createFlow(NewFlow.builder("t").input(NewAsset.text("x")).build());
    var waiter = engine.awaitFlow(flow.id());
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

    engine.close();

    assertThat(exited.getCount()).as("the step's thread ended before close returned").isZero();
    assertThatThrownBy(waiter::join).isInstanceOf(CancellationException.class);
    assertThatThrownBy(() -> engine.getFlow(flow.id()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the flow engine is closed");
    assertThatThrownBy(() -> engine.createFlow(NewFlow.of("t")))
        .isInstanceOf(IllegalStateException.class);
    engine.close(); // idempotent
  }

  @Test
  void close_ofATrackedEngine_leavesNoThread() throws Exception {
    BlockingStep gate = Steps.blocking();
    TestFlowEngine fake =
        TestFlowEngine.builder()
            .mode(TestFlowEngine.Mode.VIRTUAL_THREADS)
            .template(TestTemplates.of("t", gate))
            .build();
    for (int i = 0; i < 20; i++) {
      fake.engine().createFlow(NewFlow.builder("t").input(NewAsset.text("x")).build());
    }
    gate.awaitEntered(20, Duration.ofSeconds(10));
    fake.close(); // throws AssertionError if any flow thread outlives close
  }

  @Test
  void purgeFinishedFlows_deletesOnlyTerminalFlowsOlderThanTheAge() {
    try (TestFlowEngine fake =
        TestFlowEngine.builder()
            .mode(TestFlowEngine.Mode.MANUAL)
            .template(TestTemplates.echo())
            .build()) {
      FlowEngine engine = fake.engine();
      Flow old = engine.createFlow(NewFlow.builder("echo").input(NewAsset.text("a")).build());
      fake.runUntilIdle();
      Flow created = engine.createFlow(NewFlow.of("echo"));
      fake.clock().advance(Duration.ofDays(2));
      Flow recent = engine.createFlow(NewFlow.builder("echo").input(NewAsset.text("b")).build());
      fake.runUntilIdle();
      Flow queued = engine.createFlow(NewFlow.builder("echo").input(NewAsset.text("c")).build());

      assertThat(engine.purgeFinishedFlows(Duration.ofDays(1))).isEqualTo(1);

      assertThatThrownBy(() -> engine.getFlow(old.id())).isInstanceOf(NotFoundException.class);
      assertThat(engine.listFlows(FlowQuery.all()).items())
          .extracting(Flow::id)
          .containsExactly(created.id(), recent.id(), queued.id());
      fake.clock().advance(Duration.ofSeconds(1));
      assertThat(engine.purgeFinishedFlows(Duration.ZERO)).isEqualTo(1);
      assertThatThrownBy(() -> engine.purgeFinishedFlows(Duration.ofDays(-1)))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void templates_canBeRegisteredAndUnregisteredAtRunTime() {
    try (TestFlowEngine fake = TestFlowEngine.builder().mode(TestFlowEngine.Mode.MANUAL).build()) {
      FlowEngine engine = fake.engine();
      assertThat(engine.listTemplates()).isEmpty();
      engine.templates().register(TestTemplates.echo());
      Flow flow = engine.createFlow(NewFlow.builder("echo").input(NewAsset.text("x")).build());
      assertThatThrownBy(() -> engine.templates().register(TestTemplates.echo()))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(engine.templates().unregister("echo")).isTrue();
      assertThat(engine.templates().unregister("echo")).isFalse();
      fake.runUntilIdle();
      FlowAssertShortcuts.assertFailed(engine, flow.id(), "is not registered");
    }
  }
}
