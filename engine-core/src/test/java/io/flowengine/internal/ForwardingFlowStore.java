package io.flowengine.internal;

import io.flowengine.FlowState;
import io.flowengine.spi.ApiKeyStore;
import io.flowengine.spi.AssetStore;
import io.flowengine.spi.EngineStorage;
import io.flowengine.spi.FlowPageRequest;
import io.flowengine.spi.FlowRecord;
import io.flowengine.spi.FlowStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A flow store that tests extend to observe or perturb calls: it forwards each call to another flow
 * store, by default a memory one whose storage's other stores {@link #storage()} uses.
 */
class ForwardingFlowStore implements FlowStore {
  private final EngineStorage memory;
  private final FlowStore delegate;

  ForwardingFlowStore() {
    this(EngineStorage.inMemory());
  }

  /** Forwards to {@code storage}'s flow store. */
  ForwardingFlowStore(EngineStorage storage) {
    this.memory = storage;
    this.delegate = storage.flows();
  }

  /** Returns storage made of this flow store and memory asset and key stores. */
  EngineStorage storage() {
    FlowStore flows = this;
    return new EngineStorage() {
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
  }

  @Override
  public boolean compareAndSet(FlowRecord expected, FlowRecord next) {
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
  public Optional<FlowRecord> findByIdempotencyKey(@Nullable String accountId, String key) {
    return delegate.findByIdempotencyKey(accountId, key);
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
