package io.flowengine.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.Flow;
import io.flowengine.FlowEngine;
import io.flowengine.FlowState;
import io.flowengine.NewAsset;
import io.flowengine.NewFlow;
import io.flowengine.Step;
import io.flowengine.StorageException;
import io.flowengine.TestTemplates;
import io.flowengine.spi.FlowRecord;
import io.flowengine.testing.Steps;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Regression for issue 14: a run whose dispatch ({@code STARTING -> RUNNING}) the store lost (the
 * connection broke before the commit, as in a database restart) is dispatched again when its
 * outcome is settled, and then given that run's outcome. The outcome used to be dropped on the way
 * through that dispatch, so a run whose step failed, before writing its output, ended COMPLETED
 * without the output. The store below loses the first dispatch of every flow.
 */
class LostDispatchTest {

  /** A memory flow store that fails each flow's first dispatch, storing nothing. */
  private static final class LosesFirstDispatch extends ForwardingFlowStore {
    final AtomicInteger lost = new AtomicInteger();

    @Override
    public boolean compareAndSet(FlowRecord expected, FlowRecord next) {
      if (expected.state() == FlowState.STARTING
          && next.state() == FlowState.RUNNING
          && lost.getAndIncrement() == 0) {
        throw new StorageException(
            "could not update flow " + next.id() + ": the connection broke; nothing was stored");
      }
      return super.compareAndSet(expected, next);
    }
  }

  @Test
  void aFailedStepWhoseDispatchWasLost_failsTheFlow_withTheStepsError() throws Exception {
    LosesFirstDispatch flows = new LosesFirstDispatch();

    Flow end = runOne(flows, Steps.fail("the step's own write met the restart"));

    assertThat(flows.lost).as("the dispatch was really lost").hasValueGreaterThan(0);
    assertThat(end.state()).isEqualTo(FlowState.FAILED);
    assertThat(end.error()).isEqualTo("the step's own write met the restart");
  }

  @Test
  void aCompletedStepWhoseDispatchWasLost_completesTheFlow_withItsOutput() throws Exception {
    LosesFirstDispatch flows = new LosesFirstDispatch();

    Flow end = runOne(flows, Steps.emit("text/plain", "out".getBytes(UTF_8)));

    assertThat(flows.lost).as("the dispatch was really lost").hasValueGreaterThan(0);
    assertThat(end.state()).isEqualTo(FlowState.COMPLETED);
    assertThat(flows.storage().assets().list(end.id(), io.flowengine.AssetRole.OUTPUT)).hasSize(1);
  }

  private static Flow runOne(LosesFirstDispatch flows, Step step) throws Exception {
    try (FlowEngine engine =
        FlowEngine.builder()
            .storage(flows.storage())
            .template(TestTemplates.of("t", step))
            .build()) {
      Flow flow = engine.createFlow(NewFlow.builder("t").input(NewAsset.text("x")).build());
      return engine.awaitFlow(flow.id()).get(10, TimeUnit.SECONDS);
    }
  }
}
