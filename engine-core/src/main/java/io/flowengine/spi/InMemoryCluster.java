package io.flowengine.spi;

import static java.util.Objects.requireNonNull;

import com.google.common.base.Preconditions;
import io.flowengine.AssetRole;
import io.flowengine.FlowState;
import io.flowengine.StorageException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Storage that several engines in one JVM share as a cluster: one set of in-memory stores, and a
 * {@link ClusterStore} for each node ({@link #node}), with leases on a {@link Clock} the nodes
 * share (a manual clock in tests). Changes are announced to the other nodes at once, on the
 * writer's thread. {@link #cut} makes a node's storage fail as if its process were gone. What
 * {@code io.flowengine.testing.TestCluster} runs on; usable on its own to test a host's failover
 * against the real engine. Thread-safe: the cluster operations take one lock, flow writes are the
 * in-memory store's compare-and-sets.
 */
public final class InMemoryCluster {
  private static final Set<FlowState> UNFINISHED =
      EnumSet.of(FlowState.STARTING, FlowState.RUNNING, FlowState.ABORTING);

  private record Owner(String node, long epoch) {}

  private record Lease(long epoch, Instant until) {}

  private record Subscriber(String node, Consumer<FlowChange> listener) {}

  private final Clock clock;
  private final InMemoryFlowStore flows = new InMemoryFlowStore();
  private final InMemoryAssetStore assets = new InMemoryAssetStore();
  private final InMemoryApiKeyStore apiKeys = new InMemoryApiKeyStore();
  private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
  private final Map<String, Lease> leases = new HashMap<>(); // guarded by this
  private final Map<String, Owner> owners = new HashMap<>(); // guarded by this
  private final Set<String> cut = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private long epochs; // guarded by this

  /** Creates an empty cluster whose leases run on {@code clock}. */
  public InMemoryCluster(Clock clock) {
    this.clock = requireNonNull(clock, "clock");
  }

  /**
   * Returns the storage of one node: the shared stores, and this node's {@link ClusterStore}.
   * Closing it leaves the shared data as it is.
   *
   * @param nodeId the node's id, distinct among the nodes
   * @param lease how long its lease lasts unrenewed
   * @throws IllegalArgumentException if the lease is not positive
   */
  public EngineStorage node(String nodeId, Duration lease) {
    requireNonNull(nodeId, "nodeId");
    Preconditions.checkArgument(
        !lease.isNegative() && !lease.isZero(), "lease must be positive: %s", lease);
    return new NodeStorage(this, nodeId, lease);
  }

  /**
   * Cuts {@code nodeId} off: from now on every flow and cluster call of its storage fails with a
   * {@link StorageException}, and it hears of no change, as if its process had died. Its lease then
   * ends unrenewed.
   */
  public void cut(String nodeId) {
    cut.add(nodeId);
  }

  /** Returns the node that owns {@code flowId}, if one does; for tests. */
  public synchronized Optional<String> owner(String flowId) {
    Owner owner = owners.get(flowId);
    return owner == null ? Optional.empty() : Optional.of(owner.node());
  }

  FlowStore flows() {
    return flows;
  }

  AssetStore assets() {
    return assets;
  }

  ApiKeyStore apiKeys() {
    return apiKeys;
  }

  void check(String node) {
    if (cut.contains(node)) {
      throw new StorageException("node " + node + " is cut off from the shared storage");
    }
  }

  void announce(String origin, String flowId, @org.jspecify.annotations.Nullable FlowState state) {
    FlowChange change = new FlowChange(flowId, state);
    for (Subscriber subscriber : subscribers) {
      if (!subscriber.node().equals(origin) && !cut.contains(subscriber.node())) {
        subscriber.listener().accept(change);
      }
    }
  }

  AutoCloseable subscribe(String node, Consumer<FlowChange> listener) {
    Subscriber subscriber = new Subscriber(node, requireNonNull(listener, "listener"));
    subscribers.add(subscriber);
    return () -> subscribers.remove(subscriber);
  }

  synchronized long register(String node, Duration lease) {
    check(node);
    long epoch = ++epochs;
    leases.put(node, new Lease(epoch, clock.instant().plus(lease)));
    return epoch;
  }

  synchronized boolean renew(String node, long epoch, Duration lease) {
    check(node);
    if (!live(node, epoch)) {
      return false;
    }
    leases.put(node, new Lease(epoch, clock.instant().plus(lease)));
    return true;
  }

  synchronized void leave(String node, long epoch) {
    check(node);
    Lease current = leases.get(node);
    if (current != null && current.epoch() == epoch) {
      leases.remove(node);
    }
  }

  private boolean live(String node, long epoch) {
    Lease current = leases.get(node);
    return current != null && current.epoch() == epoch && current.until().isAfter(clock.instant());
  }

  synchronized List<FlowRecord> claim(String node, long epoch, int limit) {
    check(node);
    List<FlowRecord> claimed = new ArrayList<>();
    if (!live(node, epoch)) {
      return claimed;
    }
    List<FlowRecord> starting =
        new ArrayList<>(
            flows.findByStates(EnumSet.of(FlowState.STARTING), null, Integer.MAX_VALUE));
    starting.sort(Comparator.comparing(FlowRecord::createdAt).thenComparing(FlowRecord::id));
    for (FlowRecord record : starting) {
      if (claimed.size() >= limit) {
        break;
      }
      if (record.notBefore() != null && record.notBefore().isAfter(clock.instant())) {
        continue; // a delayed start or a retry that waits: not claimable yet
      }
      FlowRecord mine = own(node, epoch, record);
      if (mine != null) {
        claimed.add(mine);
      }
    }
    return claimed;
  }

  synchronized Optional<FlowRecord> claimUnowned(String node, long epoch, String flowId) {
    check(node);
    FlowRecord record = flows.find(flowId).orElse(null);
    if (!live(node, epoch) || record == null || !UNFINISHED.contains(record.state())) {
      return Optional.empty();
    }
    return Optional.ofNullable(own(node, epoch, record));
  }

  private @org.jspecify.annotations.Nullable FlowRecord own(
      String node, long epoch, FlowRecord record) {
    if (owners.containsKey(record.id())) {
      return null;
    }
    FlowRecord next = record.withProgress(record.progress());
    if (!flows.compareAndSet(record, next)) {
      return null;
    }
    owners.put(record.id(), new Owner(node, epoch));
    return next;
  }

  synchronized List<FlowRecord> owned(String node, long epoch, int limit) {
    check(node);
    List<FlowRecord> found = new ArrayList<>();
    for (FlowRecord record : flows.findByStates(UNFINISHED, null, Integer.MAX_VALUE)) {
      if (found.size() >= limit) {
        break;
      }
      if (new Owner(node, epoch).equals(owners.get(record.id()))) {
        found.add(record);
      }
    }
    return found;
  }

  synchronized List<FlowRecord> orphans(String node, int limit) {
    check(node);
    List<FlowRecord> found = new ArrayList<>();
    owners.keySet().removeIf(id -> flows.find(id).map(r -> r.state().isTerminal()).orElse(true));
    for (FlowRecord record : flows.findByStates(UNFINISHED, null, Integer.MAX_VALUE)) {
      if (found.size() >= limit) {
        break;
      }
      Owner owner = owners.get(record.id());
      boolean stuck =
          owner == null ? record.state() != FlowState.STARTING : !live(owner.node(), owner.epoch());
      if (stuck) {
        found.add(record);
      }
    }
    return found;
  }

  synchronized boolean[] takeOver(String node, List<FlowRecord> expected, List<FlowRecord> next) {
    check(node);
    // validates the pairs as compareAndSetAll does, changing nothing if one is wrong
    Preconditions.checkArgument(
        expected.size() == next.size(),
        "%s expected records but %s replacements",
        expected.size(),
        next.size());
    for (int i = 0; i < expected.size(); i++) {
      Preconditions.checkArgument(
          next.get(i).id().equals(expected.get(i).id())
              && next.get(i).version() == expected.get(i).version() + 1,
          "replacement %s is not the next version of flow %s; nothing was changed",
          i,
          expected.get(i).id());
    }
    boolean[] replaced = new boolean[expected.size()];
    for (int i = 0; i < replaced.length; i++) {
      FlowRecord to = next.get(i);
      replaced[i] = flows.compareAndSet(expected.get(i), to);
      if (replaced[i]) {
        owners.remove(to.id());
        if (to.state() == FlowState.STARTING) {
          assets.deleteAll(List.of(to.id()), AssetRole.OUTPUT);
        }
      }
    }
    for (int i = 0; i < replaced.length; i++) {
      if (replaced[i]) {
        announce(node, next.get(i).id(), next.get(i).state());
      }
    }
    return replaced;
  }
}
