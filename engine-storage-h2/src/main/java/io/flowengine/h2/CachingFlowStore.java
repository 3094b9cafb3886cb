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
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A Caffeine cache of current flow records in front of a {@link FlowStore}, for the commonest call,
 * polling a flow by id. A successful update replaces a cached entry with the version it wrote (only
 * a present entry, only by a newer version), so polling a flow through its state changes keeps
 * hitting the cache; every other write (insert, delete, a refused update) drops the entry after the
 * database has it. A cache miss loads inside Caffeine's per-key computation, which those per-key
 * writes wait for, so once a write returns no read sees an older version; and a delete that lands
 * between an update and its cache write leaves no entry, because the update only replaces entries
 * that are present. Listings and batch queries go to the database. Thread-safe.
 */
final class CachingFlowStore implements FlowStore {
  private final FlowStore store;
  private final Cache<String, FlowRecord> cache;
  private final Function<String, @Nullable FlowRecord> load;

  CachingFlowStore(FlowStore store, long maximumSize) {
    this.store = store;
    this.cache = Caffeine.newBuilder().maximumSize(maximumSize).build();
    this.load = id -> store.find(id).orElse(null); // one instance, not one per cache read
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
  public List<Optional<RuntimeException>> insertAll(List<FlowRecord> records) {
    try {
      return store.insertAll(records);
    } finally {
      records.forEach(record -> cache.invalidate(record.id()));
    }
  }

  @Override
  public Optional<FlowRecord> find(String flowId) {
    return Optional.ofNullable(cache.get(flowId, load));
  }

  @Override
  public Optional<FlowRecord> findByIdempotencyKey(@Nullable String accountId, String key) {
    return store.findByIdempotencyKey(accountId, key);
  }

  @Override
  public boolean compareAndSet(FlowRecord expected, FlowRecord next) {
    boolean stored = false;
    try {
      stored = store.compareAndSet(expected, next);
      return stored;
    } finally {
      afterUpdate(expected, next, stored);
    }
  }

  /** Writes through once the update is decided, before the caller's continuation runs. */
  @Override
  public CompletableFuture<Boolean> compareAndSetAsync(FlowRecord expected, FlowRecord next) {
    CompletableFuture<Boolean> decided;
    try {
      decided = store.compareAndSetAsync(expected, next);
    } catch (RuntimeException e) {
      cache.invalidate(expected.id());
      throw e;
    }
    return decided.whenComplete(
        (stored, failure) -> afterUpdate(expected, next, failure == null && stored));
  }

  @Override
  public boolean[] compareAndSetAll(List<FlowRecord> expected, List<FlowRecord> next) {
    boolean[] stored = null;
    try {
      stored = store.compareAndSetAll(expected, next);
      return stored;
    } finally {
      if (stored == null) { // refused (e.g. an invalid pair) or failed: nothing to write through
        expected.forEach(record -> cache.invalidate(record.id()));
      } else {
        for (int i = 0; i < expected.size(); i++) {
          afterUpdate(expected.get(i), next.get(i), stored[i]);
        }
      }
    }
  }

  private void afterUpdate(FlowRecord expected, FlowRecord next, boolean stored) {
    if (stored) {
      cache
          .asMap()
          .computeIfPresent(
              next.id(), (id, cached) -> cached.version() < next.version() ? next : cached);
    } else {
      cache.invalidate(expected.id());
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
