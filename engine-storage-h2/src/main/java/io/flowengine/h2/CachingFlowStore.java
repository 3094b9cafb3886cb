package io.flowengine.h2;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.flowengine.FlowState;
import io.flowengine.spi.FlowPageRequest;
import io.flowengine.spi.FlowRecord;
import io.flowengine.spi.FlowStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A Caffeine cache of current flow records in front of a {@link FlowStore}, for the commonest
 * call, polling a flow by id. It stays coherent by invalidation: every write (successful or not)
 * drops the flow's entry after the database has it, and a cache miss loads inside Caffeine's
 * per-key computation, which an invalidation of the same key waits for. So a value loaded before
 * a write is dropped by that write, and one loaded after it is the written one: once a write
 * returns, no read sees an older version. Listings and batch queries go to the database.
 * Thread-safe.
 */
final class CachingFlowStore implements FlowStore {
  private final FlowStore store;
  private final Cache<String, FlowRecord> cache;

  CachingFlowStore(FlowStore store, long maximumSize) {
    this.store = store;
    this.cache = Caffeine.newBuilder().maximumSize(maximumSize).build();
  }

  @Override
  public void insert(FlowRecord record) {
    try {
      store.insert(record);
    } finally {
      cache.invalidate(record.id());
    }
  }

  @Override
  public Optional<FlowRecord> find(String flowId) {
    return Optional.ofNullable(cache.get(flowId, id -> store.find(id).orElse(null)));
  }

  @Override
  public boolean compareAndSet(FlowRecord expected, FlowRecord next) {
    try {
      return store.compareAndSet(expected, next);
    } finally {
      cache.invalidate(expected.id());
    }
  }

  @Override
  public boolean[] compareAndSetAll(List<FlowRecord> expected, List<FlowRecord> next) {
    try {
      return store.compareAndSetAll(expected, next);
    } finally {
      expected.forEach(record -> cache.invalidate(record.id()));
    }
  }

  @Override
  public boolean delete(FlowRecord expected) {
    try {
      return store.delete(expected);
    } finally {
      cache.invalidate(expected.id());
    }
  }

  @Override
  public List<FlowRecord> page(FlowPageRequest request) {
    return store.page(request);
  }

  @Override
  public List<FlowRecord> findByStates(Set<FlowState> states, @Nullable String afterId, int limit) {
    return store.findByStates(states, afterId, limit);
  }

  @Override
  public List<FlowRecord> findFinishedBefore(Instant cutoff, int limit) {
    return store.findFinishedBefore(cutoff, limit);
  }

  @Override
  public long countUnfinished(String accountId) {
    return store.countUnfinished(accountId);
  }
}
