package io.flowengine.internal;

import io.flowengine.StorageException;
import io.flowengine.spi.ApiKeyStore;
import io.flowengine.spi.AssetStore;
import io.flowengine.spi.ClusterStore;
import io.flowengine.spi.EngineStorage;
import io.flowengine.spi.FlowChange;
import io.flowengine.spi.FlowRecord;
import io.flowengine.spi.FlowStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One in-memory cluster node's storage whose next claim, or next write of a terminal state, is
 * stored and then fails as if the connection broke before the reply came: what a database restart
 * does to a write that just committed. Counts renewals, so a test can wait for the node's rounds.
 */
final class LostReplyStorage extends ForwardingFlowStore implements EngineStorage, ClusterStore {
  final AtomicBoolean loseClaimReply = new AtomicBoolean();
  final AtomicBoolean loseTerminalReply = new AtomicBoolean();
  final CountDownLatch replyLost = new CountDownLatch(1);
  final Semaphore renewals = new Semaphore(0);
  private final EngineStorage storage;
  private final ClusterStore cluster;

  LostReplyStorage(EngineStorage storage) {
    super(storage);
    this.storage = storage;
    this.cluster = storage.cluster().orElseThrow();
  }

  private StorageException lost(String what) {
    replyLost.countDown();
    return new StorageException(what + " was stored, but the connection broke before the reply");
  }

  @Override
  public List<FlowRecord> claim(long epoch, int limit) {
    List<FlowRecord> claimed = cluster.claim(epoch, limit);
    if (!claimed.isEmpty() && loseClaimReply.getAndSet(false)) {
      throw lost("the claim of " + claimed.size() + " flows");
    }
    return claimed;
  }

  @Override
  public boolean compareAndSet(FlowRecord expected, FlowRecord next) {
    boolean replaced = super.compareAndSet(expected, next);
    if (replaced && next.state().isTerminal() && loseTerminalReply.getAndSet(false)) {
      throw lost("flow " + next.id() + " " + next.state());
    }
    return replaced;
  }

  @Override
  public boolean renew(long epoch) {
    boolean renewed = cluster.renew(epoch);
    renewals.release();
    return renewed;
  }

  @Override
  public FlowStore flows() {
    return this;
  }

  @Override
  public AssetStore assets() {
    return storage.assets();
  }

  @Override
  public ApiKeyStore apiKeys() {
    return storage.apiKeys();
  }

  @Override
  public Optional<ClusterStore> cluster() {
    return Optional.of(this);
  }

  @Override
  public void close() {
    storage.close();
  }

  @Override
  public String nodeId() {
    return cluster.nodeId();
  }

  @Override
  public Duration lease() {
    return cluster.lease();
  }

  @Override
  public long register(int slots) {
    return cluster.register(slots);
  }

  @Override
  public Optional<FlowRecord> claimUnowned(long epoch, String flowId) {
    return cluster.claimUnowned(epoch, flowId);
  }

  @Override
  public List<FlowRecord> owned(long epoch, int limit) {
    return cluster.owned(epoch, limit);
  }

  @Override
  public List<FlowRecord> orphans(int limit) {
    return cluster.orphans(limit);
  }

  @Override
  public boolean[] takeOver(List<FlowRecord> expected, List<FlowRecord> next) {
    return cluster.takeOver(expected, next);
  }

  @Override
  public void leave(long epoch) {
    cluster.leave(epoch);
  }

  @Override
  public AutoCloseable subscribe(Consumer<FlowChange> listener) {
    return cluster.subscribe(listener);
  }
}
