package io.flowengine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.Flow;
import io.flowengine.FlowEngine;
import io.flowengine.FlowState;
import io.flowengine.NewAsset;
import io.flowengine.NewFlow;
import io.flowengine.TestTemplates;
import io.flowengine.spi.ApiKeyStore;
import io.flowengine.spi.AssetStore;
import io.flowengine.spi.EngineStorage;
import io.flowengine.spi.FlowPageRequest;
import io.flowengine.spi.FlowRecord;
import io.flowengine.spi.FlowStore;
import io.flowengine.testing.Steps;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Regression: an abort that lands after the last step returned but before the flow's completion
 * was stored used to leave the flow ABORTING for ever (found by FlowStressTest). The store below
 * lets the abort in at exactly that moment.
 */
class FinishRacesAbortTest {

  /** A memory flow store that runs a hook just before the first completion is stored. */
  private static final class BeforeCompletion implements FlowStore {
    private final InMemoryFlowStore delegate = new InMemoryFlowStore();
    private volatile @Nullable Consumer<String> hook;

    @Override
    public boolean compareAndSet(FlowRecord expected, FlowRecord next) {
      Consumer<String> once = hook;
      if (once != null && next.state() == FlowState.COMPLETED) {
        hook = null;
        once.accept(next.id());
      }
      return delegate.compareAndSet(expected, next);
    }

    @Override
    public void insert(FlowRecord record) {
      delegate.insert(record);
    }

    @Override
    public Optional<FlowRecord> find(String flowId) {
      return delegate.find(flowId);
    }

    @Override
    public boolean delete(FlowRecord expected) {
      return delegate.delete(expected);
    }

    @Override
    public List<FlowRecord> page(FlowPageRequest request) {
      return delegate.page(request);
    }

    @Override
    public List<FlowRecord> findByStates(Set<FlowState> states, @Nullable String afterId, int limit) {
      return delegate.findByStates(states, afterId, limit);
    }

    @Override
    public List<FlowRecord> findFinishedBefore(Instant cutoff, int limit) {
      return delegate.findFinishedBefore(cutoff, limit);
    }

    @Override
    public long countUnfinished(String accountId) {
      return delegate.countUnfinished(accountId);
    }
  }

  @Test
  void abortBetweenLastStepAndCompletion_endsAborted() throws Exception {
    BeforeCompletion flows = new BeforeCompletion();
    MemoryStorage memory = new MemoryStorage();
    EngineStorage storage = new EngineStorage() {
      @Override
      public FlowStore flows() {
        return flows;
      }

      @Override
      public AssetStore assets() {
        return memory.assets();
      }

      @Override
      public ApiKeyStore apiKeys() {
        return memory.apiKeys();
      }

      @Override
      public void close() {}
    };
    try (FlowEngine engine =
        FlowEngine.builder().storage(storage).template(TestTemplates.of("t", Steps.succeed())).build()) {
      flows.hook = engine::abortFlow;
      Flow flow = engine.createFlow(NewFlow.builder("t").input(NewAsset.text("x")).build());
      Flow end = engine.awaitFlow(flow.id()).get(10, TimeUnit.SECONDS);
      assertThat(end.state()).isEqualTo(FlowState.ABORTED);
      assertThat(flows.hook).as("the race was really provoked").isNull();
    }
  }
}
