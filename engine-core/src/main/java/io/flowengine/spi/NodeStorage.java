package io.flowengine.spi;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One node's storage in an {@link InMemoryCluster}: the shared stores, flow writes announced to the
 * other nodes, and the node's {@link ClusterStore}. Closing it leaves the shared data. Thread-safe.
 */
final class NodeStorage implements EngineStorage, ClusterStore {
  private final InMemoryCluster cluster;
  private final String nodeId;
  private final Duration lease;
  private final FlowStore flows;

  NodeStorage(InMemoryCluster cluster, String nodeId, Duration lease) {
    this.cluster = cluster;
    this.nodeId = nodeId;
    this.lease = lease;
    this.flows = new AnnouncingFlowStore(cluster, nodeId);
  }

  @Override
  public FlowStore flows() {
    return flows;
  }

  @Override
  public AssetStore assets() {
    return cluster.assets();
  }

  @Override
  public ApiKeyStore apiKeys() {
    return cluster.apiKeys();
  }

  @Override
  public Optional<ClusterStore> cluster() {
    return Optional.of(this);
  }

  @Override
  public void close() {
    // the data is the cluster's
  }

  @Override
  public String nodeId() {
    return nodeId;
  }

  @Override
  public Duration lease() {
    return lease;
  }

  @Override
  public long register(int slots) {
    return cluster.register(nodeId, lease);
  }

  @Override
  public boolean renew(long epoch) {
    return cluster.renew(nodeId, epoch, lease);
  }

  @Override
  public List<FlowRecord> claim(long epoch, int limit) {
    return cluster.claim(nodeId, epoch, limit);
  }

  @Override
  public Optional<FlowRecord> claimUnowned(long epoch, String flowId) {
    return cluster.claimUnowned(nodeId, epoch, flowId);
  }

  @Override
  public List<FlowRecord> owned(long epoch, int limit) {
    return cluster.owned(nodeId, epoch, limit);
  }

  @Override
  public List<FlowRecord> orphans(int limit) {
    return cluster.orphans(nodeId, limit);
  }

  @Override
  public boolean[] takeOver(List<FlowRecord> expected, List<FlowRecord> next) {
    return cluster.takeOver(nodeId, expected, next);
  }

  @Override
  public void leave(long epoch) {
    cluster.leave(nodeId, epoch);
  }

  @Override
  public AutoCloseable subscribe(Consumer<FlowChange> listener) {
    return cluster.subscribe(nodeId, listener);
  }

  @Override
  public String toString() {
    return "in-memory cluster node " + nodeId;
  }
}
