package io.flowengine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.Flow;
import io.flowengine.FlowEngine;
import io.flowengine.FlowState;
import io.flowengine.NewAsset;
import io.flowengine.NewFlow;
import io.flowengine.TestTemplates;
import io.flowengine.spi.FlowRecord;
import io.flowengine.testing.Steps;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Regression: an abort that lands after the last step returned but before the flow's completion was
 * stored used to leave the flow ABORTING for ever (found by FlowStressTest). The store below lets
 * the abort in at exactly that moment.
 */
class FinishRacesAbortTest {

  /** A memory flow store that runs a hook just before the first completion is stored. */
  private static final class BeforeCompletion extends ForwardingFlowStore {
    private volatile @Nullable Consumer<String> hook;

    @Override
    public boolean compareAndSet(FlowRecord expected, FlowRecord next) {
      Consumer<String> once = hook;
      if (once != null && next.state() == FlowState.COMPLETED) {
        hook = null;
        once.accept(next.id());
      }
      return super.compareAndSet(expected, next);
    }
  }

  @Test
  void abortBetweenLastStepAndCompletion_endsAborted() throws Exception {
    BeforeCompletion flows = new BeforeCompletion();
    try (FlowEngine engine =
        FlowEngine.builder()
            .storage(flows.storage())
            .template(TestTemplates.of("t", Steps.succeed()))
            .build()) {
      flows.hook = engine::abortFlow;
      Flow flow = engine.createFlow(NewFlow.builder("t").input(NewAsset.text("x")).build());
      Flow end = engine.awaitFlow(flow.id()).get(10, TimeUnit.SECONDS);
      assertThat(end.state()).isEqualTo(FlowState.ABORTED);
      assertThat(flows.hook).as("the race was really provoked").isNull();
    }
  }
}
