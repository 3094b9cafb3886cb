package io.flowengine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.AssetRole;
import io.flowengine.Flow;
import io.flowengine.FlowEngine;
import io.flowengine.FlowState;
import io.flowengine.NewAsset;
import io.flowengine.NewFlow;
import io.flowengine.Parameters;
import io.flowengine.RecoveryPolicy;
import io.flowengine.Template;
import io.flowengine.TestTemplates;
import io.flowengine.spi.AssetDraft;
import io.flowengine.spi.ContentStream;
import io.flowengine.spi.EngineStorage;
import io.flowengine.spi.FlowRecord;
import io.flowengine.testing.BlockingStep;
import io.flowengine.testing.Steps;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What a new engine does with flows a previous process left unfinished in the same storage. */
class EngineRecoveryTest {
  private final EngineStorage storage = EngineStorage.inMemory();
  private final IdGenerator ids = new IdGenerator();
  private final Template echo = TestTemplates.echo();

  private FlowRecord leftBehind(FlowState state) throws Exception {
    Instant now = Instant.parse("2030-01-01T00:00:00Z");
    String id = ids.next(now);
    String input =
        storage
            .assets()
            .put(
                AssetDraft.input(ids.next(now), id, null, "text/plain", now, null),
                new ContentStream(new ByteArrayInputStream("in".getBytes()), 100, "in"))
            .id();
    storage
        .assets()
        .put(
            new AssetDraft(
                ids.next(now), id, null, AssetRole.OUTPUT, "text/plain", now, null, null),
            new ContentStream(new ByteArrayInputStream("stale output".getBytes()), 100, "out"));
    FlowRecord record =
        new FlowRecord(
            id,
            null,
            echo.id(),
            echo.name(),
            state,
            0.4,
            Parameters.empty(),
            null,
            List.of(input),
            now,
            now,
            null,
            null,
            null,
            3);
    storage.flows().insert(record);
    return record;
  }

  private Flow await(FlowEngine engine, String id) throws Exception {
    return engine.awaitFlow(id).get(10, TimeUnit.SECONDS);
  }

  @Test
  void requeuePolicy_rerunsStartingAndRunningFlows_andFinishesAborts() throws Exception {
    FlowRecord starting = leftBehind(FlowState.STARTING);
    FlowRecord running = leftBehind(FlowState.RUNNING);
    FlowRecord aborting = leftBehind(FlowState.ABORTING);
    try (FlowEngine engine = FlowEngine.builder().storage(storage).template(echo).build()) {
      assertThat(engine.getFlow(aborting.id()).state()).isEqualTo(FlowState.ABORTED);
      for (FlowRecord record : List.of(starting, running)) {
        Flow done = await(engine, record.id());
        assertThat(done.state()).isEqualTo(FlowState.COMPLETED);
        // the interrupted run's output is gone; the input survived and was processed again
        assertThat(engine.listOutputs(record.id()))
            .extracting(a -> engine.getOutput(record.id(), a.id()).text())
            .containsExactly("in");
      }
    }
  }

  @Test
  void failPolicy_failsRunningFlows_butStillRunsQueuedOnes() throws Exception {
    FlowRecord starting = leftBehind(FlowState.STARTING);
    FlowRecord running = leftBehind(FlowState.RUNNING);
    try (FlowEngine engine =
        FlowEngine.builder()
            .storage(storage)
            .template(echo)
            .recoveryPolicy(RecoveryPolicy.FAIL)
            .build()) {
      Flow failed = engine.getFlow(running.id());
      assertThat(failed.state()).isEqualTo(FlowState.FAILED);
      assertThat(failed.error()).isEqualTo("the engine stopped while the flow was running");
      assertThat(await(engine, starting.id()).state()).isEqualTo(FlowState.COMPLETED);
    }
  }

  @Test
  void close_leavesRunningFlowsForTheNextEngineToRecover() throws Exception {
    BlockingStep gate = Steps.blocking();
    Template gated = TestTemplates.of("gated", gate);
    String id;
    try (FlowEngine first = FlowEngine.builder().storage(storage).template(gated).build()) {
      id = first.createFlow(NewFlow.builder("gated").input(NewAsset.text("x")).build()).id();
      gate.awaitEntered(Duration.ofSeconds(10));
    }
    assertThat(storage.flows().find(id).orElseThrow().state()).isEqualTo(FlowState.RUNNING);
    gate.release();
    try (FlowEngine second = FlowEngine.builder().storage(storage).template(gated).build()) {
      assertThat(await(second, id).state()).isEqualTo(FlowState.COMPLETED);
    }
  }

  @Test
  void flowsOfATemplateNoLongerRegistered_failWhenDispatched() throws Exception {
    FlowRecord starting = leftBehind(FlowState.STARTING);
    try (FlowEngine engine = FlowEngine.builder().storage(storage).build()) {
      Flow failed = await(engine, starting.id());
      assertThat(failed.state()).isEqualTo(FlowState.FAILED);
      assertThat(failed.error()).isEqualTo("template echo (" + echo.id() + ") is not registered");
    }
  }
}
