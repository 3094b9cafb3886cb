package io.flowengine.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowengine.Flow;
import io.flowengine.FlowState;
import io.flowengine.NewAsset;
import io.flowengine.NewFlow;
import io.flowengine.Template;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TestFlowEngineTest {

  @Test
  void callingThreadMode_finishesFlowsBeforeCreateReturns() {
    try (TestFlowEngine fake = TestFlowEngine.withReferenceTemplates()) {
      Flow flow =
          fake.engine()
              .createFlow(
                  NewFlow.builder(ReferenceTemplates.FROM_PROMPT)
                      .input(NewAsset.text("cube"))
                      .build());
      FlowAssert.assertThatFlow(fake.engine(), flow)
          .isCompleted()
          .hasOutputs(1, ReferenceTemplates.GLB);
      assertThatThrownBy(fake::runNext).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void manualMode_runsOnlyWhenTheTestSays() {
    try (TestFlowEngine fake =
        TestFlowEngine.builder().referenceTemplates().mode(TestFlowEngine.Mode.MANUAL).build()) {
      Flow a =
          fake.engine()
              .createFlow(
                  NewFlow.builder(ReferenceTemplates.FROM_PROMPT)
                      .input(NewAsset.text("a"))
                      .build());
      Flow b =
          fake.engine()
              .createFlow(
                  NewFlow.builder(ReferenceTemplates.FROM_PROMPT)
                      .input(NewAsset.text("b"))
                      .build());
      assertThat(fake.pending()).isEqualTo(2);
      assertThat(fake.runNext()).isTrue();
      FlowAssert.assertThatFlow(fake.engine(), a).isCompleted();
      FlowAssert.assertThatFlow(fake.engine(), b).isInState(FlowState.STARTING);
      assertThat(fake.runUntilIdle()).isEqualTo(1);
      assertThat(fake.runNext()).isFalse();
    }
  }

  @Test
  void manualClock_startsAt2030_andAdvancesOnlyOnRequest() {
    ManualClock clock = new ManualClock();
    assertThat(clock.instant()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
    clock.advance(Duration.ofHours(1));
    assertThat(clock.instant()).isEqualTo(Instant.parse("2030-01-01T01:00:00Z"));
    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    StringBuilder fired = new StringBuilder();
    clock.schedule(clock.instant().plusSeconds(20), () -> fired.append("b"));
    clock.schedule(clock.instant().plusSeconds(10), () -> fired.append("a"));
    clock.schedule(clock.instant().plusSeconds(30), () -> fired.append("c")).cancel();
    clock.advance(Duration.ofSeconds(25));
    assertThat(fired).hasToString("ab");
    assertThat(clock.pendingDeadlines()).isZero();
  }

  @Test
  void scriptedSteps_doWhatTheySay() throws Exception {
    BlockingStep gate = Steps.blocking();
    Template template =
        Template.builder("scripted")
            .inputTypes("text/plain")
            .outputTypes("text/plain")
            .step(Steps.progress(0.5, 1.0))
            .step(Steps.emit("text/plain", "made".getBytes()))
            .step(Steps.echoInputs("text/plain"))
            .step(gate)
            .build();
    try (TestFlowEngine fake =
        TestFlowEngine.builder()
            .template(template)
            .mode(TestFlowEngine.Mode.VIRTUAL_THREADS)
            .build()) {
      Flow flow =
          fake.engine().createFlow(NewFlow.builder("scripted").input(NewAsset.text("x")).build());
      gate.awaitEntered(Duration.ofSeconds(10));
      FlowAssert.assertThatFlow(fake.engine(), flow).isInState(FlowState.RUNNING).hasProgress(0.75);
      gate.release();
      fake.engine().awaitFlow(flow.id()).get();
      FlowAssert.assertThatFlow(fake.engine(), flow).isCompleted().hasOutputs(2, "text/plain");
    }
    assertThatThrownBy(() -> Steps.progress(1.5)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void flowAssert_failuresSayWhatWasFound() {
    try (TestFlowEngine fake = TestFlowEngine.withReferenceTemplates()) {
      Flow flow =
          fake.engine()
              .createFlow(
                  NewFlow.builder(ReferenceTemplates.OPTIMIZE)
                      .input(NewAsset.bytes("model/gltf-binary", new byte[] {1}))
                      .build());
      FlowAssert check = FlowAssert.assertThatFlow(fake.engine(), flow);
      assertThatThrownBy(check::isCompleted)
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("to be completed but it is failed (error: input")
          .hasMessageContaining("is not a GLB file");
      assertThatThrownBy(() -> check.hasOutputs(1))
          .hasMessageContaining("to have 1 output(s) but it has 0");
      assertThatThrownBy(() -> check.hasErrorContaining("disk"))
          .hasMessageContaining("error containing 'disk'");
      check.isFailed().hasInputs(1).hasOutputs(0);
    }
  }

  @Test
  void tenThousandFlows_throughTheFake() {
    try (TestFlowEngine fake = TestFlowEngine.withReferenceTemplates()) {
      for (int i = 0; i < 10_000; i++) {
        Flow flow =
            fake.engine()
                .createFlow(
                    NewFlow.builder(ReferenceTemplates.FROM_PROMPT)
                        .parameter("seed", i)
                        .input(NewAsset.text("p"))
                        .build());
        assertThat(flow.state()).isEqualTo(FlowState.STARTING); // the snapshot taken at creation
      }
      assertThat(
              fake.engine()
                  .listFlows(
                      io.flowengine.FlowQuery.builder()
                          .states(FlowState.COMPLETED)
                          .limit(1000)
                          .build())
                  .items())
          .hasSize(1000);
    }
  }
}
