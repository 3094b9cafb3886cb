package io.flowengine.spi;

import io.flowengine.FlowSortKey;
import io.flowengine.FlowState;
import io.flowengine.SortDirection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * A {@link FlowStore} in memory: each flow is an atomic reference to its current immutable record,
 * and a compare-and-set swaps it when the version matches. Listings by creation time walk a
 * skip-list index; listings by the mutable keys (state, progress, start, finish) scan all flows
 * into a bounded selection ({@link SmallestSelection}), so they cost O(n): an index per mutable key
 * would slow every state change, which is the hot path. Thread-safe and lock-free.
 */
final class InMemoryFlowStore implements FlowStore {
  private record CreatedKey(Instant createdAt, String id) implements Comparable<CreatedKey> {
    @Override
    public int compareTo(CreatedKey other) {
      int byTime = createdAt.compareTo(other.createdAt);
      return byTime != 0 ? byTime : id.compareTo(other.id);
    }
  }

  private final ConcurrentHashMap<String, AtomicReference<@Nullable FlowRecord>> flows =
      new ConcurrentHashMap<>();
  private final ConcurrentSkipListSet<CreatedKey> byCreated = new ConcurrentSkipListSet<>();
  private final ConcurrentHashMap<String, LongAdder> unfinishedByAccount =
      new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, String> flowByIdempotencyKey = new ConcurrentHashMap<>();

  /** The map key of an account's idempotency key; keys hold no control characters. */
  private static @Nullable String scopedKey(FlowRecord record) {
    return record.idempotencyKey() == null
        ? null
        : scopedKey(record.accountId(), record.idempotencyKey());
  }

  private static String scopedKey(@Nullable String accountId, String key) {
    return (accountId == null ? "" : accountId) + "\n" + key;
  }

  @Override
  public void insert(FlowRecord record) {
    AtomicReference<FlowRecord> stored = new AtomicReference<>(record);
    if (flows.putIfAbsent(record.id(), stored) != null) {
      throw new IllegalStateException("flow " + record.id() + " already exists");
    }
    // The key is taken after the flow is in, so whoever finds the key finds its flow too.
    String scoped = scopedKey(record);
    if (scoped != null) {
      String holder = flowByIdempotencyKey.putIfAbsent(scoped, record.id());
      if (holder != null) {
        flows.remove(record.id(), stored);
        throw new IllegalStateException(
            "flow "
                + holder
                + " already has idempotency key "
                + record.idempotencyKey()
                + " of its account");
      }
    }
    byCreated.add(new CreatedKey(record.createdAt(), record.id()));
    countUnfinished(record, record.state().isTerminal() ? 0 : 1);
  }

  private void countUnfinished(FlowRecord record, int delta) {
    if (record.accountId() != null && delta != 0) {
      unfinishedByAccount.computeIfAbsent(record.accountId(), id -> new LongAdder()).add(delta);
    }
  }

  @Override
  public Optional<FlowRecord> find(String flowId) {
    AtomicReference<@Nullable FlowRecord> ref = flows.get(flowId);
    return ref == null ? Optional.empty() : Optional.ofNullable(ref.get());
  }

  @Override
  public Optional<FlowRecord> findByIdempotencyKey(@Nullable String accountId, String key) {
    String flowId = flowByIdempotencyKey.get(scopedKey(accountId, key));
    return flowId == null ? Optional.empty() : find(flowId);
  }

  @Override
  public boolean compareAndSet(FlowRecord expected, FlowRecord next) {
    if (!next.id().equals(expected.id()) || next.version() != expected.version() + 1) {
      throw new IllegalArgumentException(
          "next must be version "
              + (expected.version() + 1)
              + " of flow "
              + expected.id()
              + ", was version "
              + next.version()
              + " of "
              + next.id());
    }
    AtomicReference<@Nullable FlowRecord> ref = flows.get(expected.id());
    if (ref == null) {
      return false;
    }
    FlowRecord current = ref.get();
    if (current == null
        || current.version() != expected.version()
        || !ref.compareAndSet(current, next)) {
      return false;
    }
    if (current.state().isTerminal() != next.state().isTerminal()) {
      countUnfinished(next, next.state().isTerminal() ? -1 : 1);
    }
    return true;
  }

  @Override
  public boolean delete(FlowRecord expected) {
    AtomicReference<@Nullable FlowRecord> ref = flows.get(expected.id());
    if (ref == null) {
      return false;
    }
    FlowRecord current = ref.get();
    if (current == null
        || current.version() != expected.version()
        || !ref.compareAndSet(current, null)) {
      return false;
    }
    flows.remove(expected.id(), ref);
    String scoped = scopedKey(current);
    if (scoped != null) {
      flowByIdempotencyKey.remove(scoped, current.id());
    }
    byCreated.remove(new CreatedKey(current.createdAt(), current.id()));
    countUnfinished(current, current.state().isTerminal() ? 0 : -1);
    return true;
  }

  @Override
  public List<FlowRecord> page(FlowPageRequest request) {
    return request.sortBy() == FlowSortKey.CREATED_AT
        ? pageByCreated(request)
        : pageByScan(request);
  }

  private List<FlowRecord> pageByCreated(FlowPageRequest request) {
    NavigableSet<CreatedKey> keys = byCreated;
    SortPosition after = request.after();
    boolean ascending = request.direction() == SortDirection.ASCENDING;
    if (after != null) {
      CreatedKey from = new CreatedKey((Instant) Objects.requireNonNull(after.value()), after.id());
      keys = ascending ? keys.tailSet(from, false) : keys.headSet(from, false);
    }
    Iterator<CreatedKey> it = ascending ? keys.iterator() : keys.descendingIterator();
    List<FlowRecord> page = new ArrayList<>(Math.min(request.limit(), 256));
    while (it.hasNext() && page.size() < request.limit()) {
      FlowRecord record = find(it.next().id()).orElse(null);
      if (record != null && matches(record, request)) {
        page.add(record);
      }
    }
    return page;
  }

  private List<FlowRecord> pageByScan(FlowPageRequest request) {
    SmallestSelection<FlowRecord> best =
        new SmallestSelection<>(
            FlowOrdering.recordComparator(request.sortBy(), request.direction()), request.limit());
    SortPosition after = request.after();
    for (AtomicReference<@Nullable FlowRecord> ref : flows.values()) {
      FlowRecord record = ref.get();
      if (record != null
          && matches(record, request)
          && (after == null
              || FlowOrdering.isAfter(record, after, request.sortBy(), request.direction()))) {
        best.offer(record);
      }
    }
    return best.sorted();
  }

  private static boolean matches(FlowRecord record, FlowPageRequest request) {
    return (request.states().isEmpty() || request.states().contains(record.state()))
        && (request.accountId() == null || request.accountId().equals(record.accountId()));
  }

  @Override
  public List<FlowRecord> findByStates(Set<FlowState> states, @Nullable String afterId, int limit) {
    return flows.values().stream()
        .map(AtomicReference::get)
        .filter(Objects::nonNull)
        .filter(
            r -> states.contains(r.state()) && (afterId == null || r.id().compareTo(afterId) > 0))
        .sorted(Comparator.comparing(FlowRecord::id))
        .limit(limit)
        .toList();
  }

  @Override
  public List<FlowRecord> findFinishedBefore(Instant cutoff, int limit) {
    // A bounded selection, O(n log limit), instead of sorting every finished flow to take
    // `limit` of them: purging in batches called this once per batch, so purging n flows sorted
    // n flows n / batch times.
    SmallestSelection<FlowRecord> oldest =
        new SmallestSelection<>(
            Comparator.comparing((FlowRecord r) -> Objects.requireNonNull(r.finishedAt()))
                .thenComparing(FlowRecord::id),
            limit);
    for (AtomicReference<@Nullable FlowRecord> ref : flows.values()) {
      FlowRecord record = ref.get();
      if (record != null
          && record.state().isTerminal()
          && Objects.requireNonNull(record.finishedAt()).isBefore(cutoff)) {
        oldest.offer(record);
      }
    }
    return oldest.sorted();
  }

  @Override
  public long countUnfinished(String accountId) {
    LongAdder count = unfinishedByAccount.get(accountId);
    return count == null ? 0 : count.sum();
  }
}
