package io.flowengine.internal;

import io.flowengine.FlowState;
import io.flowengine.RecoveryPolicy;
import io.flowengine.spi.ClusterStore;
import io.flowengine.spi.DeadlineScheduler;
import io.flowengine.spi.FlowChange;
import io.flowengine.spi.FlowRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This engine as one node of a cluster ({@link ClusterStore}): it holds a lease and renews it every
 * third of the lease, claims starting flows for its free slots, takes over the flows of nodes whose
 * lease ended ({@link ClusterTakeover}) every half lease, and acts on the changes other nodes make:
 * an abort interrupts the flow's step here, a finished flow completes the waiters here, a started
 * one wakes the claims. With each renewal it also checks the flows it owns but does not have in
 * hand ({@link OwnedFlowsCheck}: a claim whose reply was lost). On losing its lease it stops its
 * flows without storing anything and registers again with a new epoch.
 *
 * <p>All of that happens in rounds, one at a time, on the engine's executor: {@link #wake()} asks
 * for a round (wakes coalesce), and a heartbeat on the engine's {@link DeadlineScheduler} asks for
 * one as the lease requires, which is also the safety net if a change announcement is lost. So a
 * test's manual clock and executor drive a node deterministically. Thread-safe.
 */
final class ClusterNode {
  private static final Logger log = LoggerFactory.getLogger(ClusterNode.class);
  private static final int CLAIM_BATCH = 100;
  private static final long NOT_REGISTERED = -1;

  private final ClusterStore store;
  private final EngineContext ctx;
  private final FlowRunner runner;
  private final FlowWaiters waiters;
  private final Executor rounds;
  private final ClusterTakeover takeover;
  private final OwnedFlowsCheck owned;
  private final RemoteChanges remote;
  private final int slots;
  private final DelayedRuns delayed;
  private final Duration renewEvery;
  private final Duration sweepEvery;
  private final AtomicInteger wakeups = new AtomicInteger();
  private final ConcurrentLinkedQueue<FlowChange> heard = new ConcurrentLinkedQueue<>();
  private volatile long epoch = NOT_REGISTERED;
  private volatile boolean closed;
  // Read and written by rounds only, which never overlap (wakeups).
  private Instant leaseEnd = Instant.MIN;
  private Instant renewDue = Instant.MIN;
  private Instant sweepDue = Instant.MIN;
  private boolean ownedDue;
  private @Nullable AutoCloseable subscription;
  private DeadlineScheduler.@Nullable Cancellable heartbeat; // guarded by this

  ClusterNode(
      ClusterStore store,
      EngineContext ctx,
      FlowRunner runner,
      FlowWaiters waiters,
      Executor rounds,
      RecoveryPolicy policy,
      int slots,
      DelayedRuns delayed,
      Predicate<String> settling) {
    this.delayed = delayed;
    this.store = store;
    this.ctx = ctx;
    this.runner = runner;
    this.waiters = waiters;
    this.rounds = rounds;
    this.takeover = new ClusterTakeover(ctx, store, policy);
    this.owned = new OwnedFlowsCheck(store, runner, delayed, settling, takeover);
    this.remote = new RemoteChanges(ctx);
    this.slots = slots;
    this.renewEvery = store.lease().dividedBy(3);
    this.sweepEvery = store.lease().dividedBy(2);
  }

  /**
   * Registers the node, takes over what lost nodes left and claims work, on the calling thread;
   * then subscribes to other nodes' changes and starts the heartbeat.
   */
  void start() {
    subscription = store.subscribe(this::heard);
    runner.onSlotFreed(this::wake);
    register();
    round();
    beat();
  }

  /** Returns the epoch of this node's current lease, or -1 while it has none. */
  long epoch() {
    return epoch;
  }

  /** Asks for a round soon; several asks before it runs make one round. */
  void wake() {
    if (closed || wakeups.getAndIncrement() != 0) {
      return;
    }
    try {
      rounds.execute(this::drain);
    } catch (RejectedExecutionException e) {
      wakeups.set(0); // the engine is closing
    }
  }

  /**
   * Claims {@code flowId} if no node owns it (a starting flow that waits for a claim, just
   * aborted): then this node finishes it.
   */
  Optional<FlowRecord> claimUnowned(String flowId) {
    long current = epoch;
    return current == NOT_REGISTERED ? Optional.empty() : store.claimUnowned(current, flowId);
  }

  private void heard(FlowChange change) {
    heard.add(change);
    wake();
  }

  private void drain() {
    int seen;
    do {
      seen = wakeups.get();
      round();
    } while (!wakeups.compareAndSet(seen, 0));
  }

  private void round() {
    if (closed) {
      return;
    }
    try {
      Instant now = ctx.stateMachine().now();
      if (epoch == NOT_REGISTERED) {
        register();
      } else if (!now.isBefore(renewDue)) {
        renew(now);
      }
      actOnChanges();
      if (ownedDue && epoch != NOT_REGISTERED) {
        ownedDue = false;
        owned.check(epoch);
      }
      if (!now.isBefore(sweepDue)) {
        sweepDue = now.plus(sweepEvery);
        if (takeover.sweep() > 0) {
          actOnChanges();
        }
      }
      claim();
    } catch (RuntimeException e) {
      log.warn(
          "node {}: cluster round failed, retrying at the next: {}", store.nodeId(), e.toString());
    }
  }

  private void register() {
    Instant now = ctx.stateMachine().now();
    epoch = store.register(slots);
    leaseEnd = now.plus(store.lease());
    renewDue = now.plus(renewEvery);
    owned.reset();
    log.info("node {} joined with epoch {}", store.nodeId(), epoch);
  }

  private void renew(Instant now) {
    boolean renewed;
    try {
      renewed = store.renew(epoch);
    } catch (RuntimeException e) {
      if (now.isBefore(leaseEnd)) {
        throw e; // the lease may still hold; try again at the next round
      }
      log.warn(
          "node {}: lease could not be renewed before it ended: {}", store.nodeId(), e.toString());
      renewed = false;
    }
    if (renewed) {
      leaseEnd = now.plus(store.lease());
      renewDue = now.plus(renewEvery);
      ownedDue = true; // with each renewal: what this node owns but lost track of
      return;
    }
    long lost = epoch;
    epoch = NOT_REGISTERED;
    log.warn("node {} lost its lease (epoch {}): stopping its flows", store.nodeId(), lost);
    runner.stopAll(RunTicket.StopReason.LEASE_LOST);
    try {
      store.leave(lost);
    } catch (RuntimeException e) {
      log.debug("node {}: could not end lost epoch {}: {}", store.nodeId(), lost, e.toString());
    }
    register();
  }

  private void actOnChanges() {
    FlowChange change;
    while ((change = heard.poll()) != null) {
      if (change.isEverything()) { // reconnected: a reply may have been lost meanwhile
        ownedDue = true;
        waiters.waitingFor().forEach(this::recheckWaiter);
        continue;
      }
      FlowState state = change.state();
      if (state == null) {
        remote.forget(change.flowId());
        waiters.deleted(change.flowId());
        continue;
      }
      if (remote.listened()) { // tells listeners and waiters here, in version order
        remote.heard(change.flowId());
      }
      if (state == FlowState.ABORTING) {
        runner.stop(change.flowId(), RunTicket.StopReason.ABORT);
        if (delayed.cancel(change.flowId())) { // aborted between attempts here: finish it
          ctx.flows()
              .find(change.flowId())
              .ifPresent(r -> ctx.stateMachine().fire(r, FlowEvent.FINISH_ABORT, null, null));
        }
      } else if (state.isTerminal()) {
        recheckWaiter(change.flowId());
      }
    }
  }

  private void recheckWaiter(String flowId) {
    if (!waiters.isWaiting(flowId)) {
      return;
    }
    Optional<FlowRecord> record = ctx.flows().find(flowId);
    if (record.isEmpty()) {
      waiters.deleted(flowId);
    } else if (record.get().state().isTerminal()) {
      ctx.stateMachine().writes().terminalFound(record.get());
    }
  }

  private void claim() {
    long current = epoch;
    int free = runner.freeSlots();
    while (current != NOT_REGISTERED && free > 0 && !closed) {
      int asked = Math.min(free, CLAIM_BATCH);
      var claimed = store.claim(current, asked);
      for (FlowRecord record : claimed) {
        runner.submit(record.id(), record);
      }
      if (claimed.size() < asked) {
        return;
      }
      free = runner.freeSlots();
    }
  }

  private synchronized void beat() {
    if (closed) {
      return;
    }
    heartbeat =
        ctx.deadlines()
            .schedule(
                ctx.stateMachine().now().plus(renewEvery),
                () -> {
                  wake();
                  beat();
                });
  }

  /** Stops the rounds and the subscription; call before the runner shuts down. */
  void stop() {
    closed = true;
    synchronized (this) {
      if (heartbeat != null) {
        heartbeat.cancel();
      }
    }
    AutoCloseable current = subscription;
    if (current != null) {
      try {
        current.close();
      } catch (Exception e) {
        log.debug("node {}: closing the subscription failed: {}", store.nodeId(), e.toString());
      }
    }
  }

  /** Ends the lease so that other nodes take over at once; call after the runner stopped. */
  void leave() {
    long current = epoch;
    if (current == NOT_REGISTERED) {
      return;
    }
    try {
      store.leave(current);
    } catch (RuntimeException e) {
      log.warn("node {}: could not end its lease: {}", store.nodeId(), e.toString());
    }
  }
}
