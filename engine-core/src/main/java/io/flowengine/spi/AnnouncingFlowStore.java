package io.flowengine.spi;

import io.flowengine.FlowState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A node's view of an {@link InMemoryCluster}'s flow store: each call checks the node is not cut
 * off, and each stored change is announced to the other nodes. Thread-safe.
 */
final class AnnouncingFlowStore implements FlowStore {
  private final InMemoryCluster cluster;
  private final FlowStore shared;
  private final String node;

  AnnouncingFlowStore(InMemoryCluster cluster, String node) {
    this.cluster = cluster;
    this.shared = cluster.flows();
    this.node = node;
  }

  @Override
  public void insert(FlowRecord record) {
    cluster.check(node);
    shared.insert(record);
    cluster.announce(node, record.id(), record.state());
  }

  @Override
  public Optional<FlowRecord> find(String flowId) {
    cluster.check(node);
    return shared.find(flowId);
  }

  @Override
  public Optional<FlowRecord> findByIdempotencyKey(@Nullable String accountId, String key) {
    cluster.check(node);
    return shared.findByIdempotencyKey(accountId, key);
  }

  @Override
  public boolean compareAndSet(FlowRecord expected, FlowRecord next) {
    cluster.check(node);
    boolean replaced = shared.compareAndSet(expected, next);
    if (replaced && (expected.state() != next.state() || expected.progress() != next.progress())) {
      cluster.announce(node, next.id(), next.state());
    }
    return replaced;
  }

  @Override
  public boolean delete(FlowRecord expected) {
    cluster.check(node);
    boolean deleted = shared.delete(expected);
    if (deleted) {
      cluster.announce(node, expected.id(), null);
    }
    return deleted;
  }

  @Override
  public List<FlowRecord> page(FlowPageRequest request) {
    cluster.check(node);
    return shared.page(request);
  }

  @Override
  public List<FlowRecord> findByStates(Set<FlowState> states, @Nullable String afterId, int limit) {
    cluster.check(node);
    return shared.findByStates(states, afterId, limit);
  }

  @Override
  public List<FlowRecord> findFinishedBefore(Instant cutoff, int limit) {
    cluster.check(node);
    return shared.findFinishedBefore(cutoff, limit);
  }

  @Override
  public long countUnfinished(String accountId) {
    cluster.check(node);
    return shared.countUnfinished(accountId);
  }
}
