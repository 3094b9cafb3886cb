package io.flowengine.h2;

import io.flowengine.FlowState;
import io.flowengine.spi.FlowPageRequest;
import io.flowengine.spi.FlowRecord;
import io.flowengine.spi.FlowStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Forwards every call to another flow store; tests override what they observe. */
class ForwardingStoreForTests implements FlowStore {
  private final FlowStore delegate;

  ForwardingStoreForTests(FlowStore delegate) {
    this.delegate = delegate;
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
  public boolean compareAndSet(FlowRecord expected, FlowRecord next) {
    return delegate.compareAndSet(expected, next);
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
