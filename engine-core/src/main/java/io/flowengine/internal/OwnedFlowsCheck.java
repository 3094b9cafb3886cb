package io.flowengine.internal;

import io.flowengine.FlowState;
import io.flowengine.spi.ClusterStore;
import io.flowengine.spi.FlowRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the flows the store says this node owns under its epoch but that the node does not have in
 * hand (not queued or running, not waiting for a retry, no outcome being stored), and runs or
 * releases them. That happens when a write was stored but its reply was lost: a claim committed
 * just before the connection broke leaves flows owned by a live node that never heard of them, and
 * since the node's lease is alive no other node takes them over. A flow is acted on only once two
 * checks in a row found it idle at the same version, so a write still on its way is not mistaken
 * for a lost one. Starting flows are run here; running ones go back to the claims (or fail) by the
 * recovery policy ({@link ClusterTakeover#release}); aborting ones become aborted. Not thread-safe:
 * called from a node's rounds, which never overlap.
 */
final class OwnedFlowsCheck {
  private static final Logger log = LoggerFactory.getLogger(OwnedFlowsCheck.class);
  private static final int BATCH = 500;

  private final ClusterStore store;
  private final FlowRunner runner;
  private final DelayedRuns delayed;
  private final Predicate<String> settling;
  private final ClusterTakeover takeover;
  private Map<String, Long> idleBefore = new HashMap<>();

  OwnedFlowsCheck(
      ClusterStore store,
      FlowRunner runner,
      DelayedRuns delayed,
      Predicate<String> settling,
      ClusterTakeover takeover) {
    this.store = store;
    this.runner = runner;
    this.delayed = delayed;
    this.settling = settling;
    this.takeover = takeover;
  }

  /** Checks the flows owned under {@code epoch}; returns how many it ran or released. */
  int check(long epoch) {
    Map<String, Long> idle = new HashMap<>();
    List<FlowRecord> release = new ArrayList<>();
    int acted = 0;
    for (FlowRecord record : store.owned(epoch, BATCH)) {
      String id = record.id();
      if (runner.holds(id) || delayed.isWaiting(id) || settling.test(id)) {
        continue;
      }
      Long before = idleBefore.get(id);
      if (before == null || before != record.version()) {
        idle.put(id, record.version());
        continue;
      }
      acted++;
      if (record.state() == FlowState.STARTING) {
        runner.submit(id, record);
      } else if (record.state() == FlowState.RUNNING && record.notBefore() != null) {
        delayed.submit(record); // a retry whose wait this node lost
      } else {
        release.add(record);
      }
    }
    idleBefore = idle;
    if (!release.isEmpty()) {
      takeover.release(release);
    }
    if (acted > 0) {
      log.warn(
          "node {} found {} flows it owns under epoch {} but did not have in hand (a lost reply);"
              + " it runs or releases them",
          store.nodeId(),
          acted,
          epoch);
    }
    return acted;
  }

  /** Forgets what earlier checks saw: the epoch changed. */
  void reset() {
    idleBefore = new HashMap<>();
  }
}
