package io.flowengine.tck;

import io.flowengine.FlowState;
import io.flowengine.spi.FlowPageRequest;
import io.flowengine.spi.FlowRecord;
import io.flowengine.spi.FlowStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * A flow store that forwards every call, the batch and asynchronous ones included, to another: a
 * store's tests extend it to observe or perturb the calls they care about (count reads, lose a
 * write, break a connection at one moment) and leave the rest as the real store does them.
 * Thread-safe if the store it forwards to is.
 */
public class ForwardingFlowStore implements FlowStore {
  private final FlowStore delegate;

  /** Forwards to {@code delegate}. */
  public ForwardingFlowStore(FlowStore delegate) {
    this.delegate = delegate;
  }

  @Override
  public void insert(FlowRecord record) {
    delegate.insert(record);
  }

  @Override
  public List<Optional<RuntimeException>> insertAll(List<FlowRecord> records) {
    return delegate.insertAll(records);
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
  public boolean compareAndSet(FlowRecord expected, FlowRecord next) {
    return delegate.compareAndSet(expected, next);
  }

  @Override
  public CompletableFuture<Boolean> compareAndSetAsync(FlowRecord expected, FlowRecord next) {
    return delegate.compareAndSetAsync(expected, next);
  }

  @Override
  public boolean[] compareAndSetAll(List<FlowRecord> expected, List<FlowRecord> next) {
    return delegate.compareAndSetAll(expected, next);
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
