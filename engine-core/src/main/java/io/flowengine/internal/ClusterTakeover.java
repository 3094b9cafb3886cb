package io.flowengine.internal;

import io.flowengine.RecoveryPolicy;
import io.flowengine.spi.ClusterStore;
import io.flowengine.spi.FlowRecord;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes over the flows that lost nodes left ({@link ClusterStore#orphans}), by the same policy as
 * {@link Recovery} applies at start on a store of its own: aborting flows become aborted; starting
 * flows, and under {@link RecoveryPolicy#REQUEUE} running ones, lose the outputs of the interrupted
 * run and wait for a claim again; under {@link RecoveryPolicy#FAIL} running flows fail. Each change
 * is a {@link ClusterStore#takeOver}, a compare-and-set that also clears the owner, so of several
 * nodes sweeping at once one wins each flow, and the lost node's late writes are refused.
 * Thread-safe; called from a node's rounds.
 */
final class ClusterTakeover {
  private static final Logger log = LoggerFactory.getLogger(ClusterTakeover.class);
  private static final int BATCH = 500;
  private static final int MAX_BATCHES_PER_SWEEP = 20;

  private final EngineContext ctx;
  private final ClusterStore store;
  private final RecoveryPolicy policy;

  ClusterTakeover(EngineContext ctx, ClusterStore store, RecoveryPolicy policy) {
    this.ctx = ctx;
    this.store = store;
    this.policy = policy;
  }

  /** Takes over what it finds; returns how many flows it changed. */
  int sweep() {
    int changed = 0;
    for (int i = 0; i < MAX_BATCHES_PER_SWEEP; i++) {
      List<FlowRecord> batch = store.orphans(BATCH);
      int done = takeOver(batch);
      changed += done;
      if (batch.size() < BATCH || done == 0) {
        break;
      }
    }
    if (changed > 0) {
      log.info(
          "node {} took over {} flows of lost nodes (policy {})", store.nodeId(), changed, policy);
    }
    return changed;
  }

  /**
   * Releases flows this node owns but can no longer run as they are, by the same policy: how the
   * node gives up a running flow whose run it lost ({@link OwnedFlowsCheck}). Returns how many it
   * changed.
   */
  int release(List<FlowRecord> owned) {
    return takeOver(owned);
  }

  private int takeOver(List<FlowRecord> batch) {
    FlowStateMachine machine = ctx.stateMachine();
    List<FlowRecord> from = new ArrayList<>(batch.size());
    List<FlowRecord> to = new ArrayList<>(batch.size());
    for (FlowRecord record : batch) {
      FlowRecord next =
          switch (record.state()) {
            case ABORTING -> machine.advance(record, FlowEvent.FINISH_ABORT, null);
            case RUNNING ->
                policy == RecoveryPolicy.REQUEUE
                    ? machine.advance(record, FlowEvent.REQUEUE, null)
                    : machine.advance(record, FlowEvent.FAIL, "the node running the flow was lost");
            case STARTING -> record.withProgress(record.progress()); // unchanged but unowned
            default -> null; // finished meanwhile
          };
      if (next == null) {
        continue;
      }
      from.add(record);
      to.add(next);
    }
    if (from.isEmpty()) {
      return 0;
    }
    List<OrderedDelivery.Slot> slots = machine.writes().reserveAll(to);
    boolean[] replaced;
    try {
      replaced = store.takeOver(from, to);
    } catch (RuntimeException | Error e) {
      slots.forEach(OrderedDelivery.Slot::cancel);
      throw e;
    }
    int changed = 0;
    for (int i = 0; i < replaced.length; i++) {
      if (replaced[i] && from.get(i).state() != to.get(i).state()) {
        changed++;
        slots.get(i).changed(from.get(i), to.get(i));
      } else {
        changed += replaced[i] ? 1 : 0;
        slots.get(i).cancel(); // not stored, or stored without a state change to tell
      }
    }
    return changed;
  }
}
