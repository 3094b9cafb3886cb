package io.flowengine.internal;

import io.flowengine.AssetRole;
import io.flowengine.FlowState;
import io.flowengine.RecoveryPolicy;
import io.flowengine.spi.FlowRecord;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes what a process that stopped without closing left behind, in batches by id: aborting
 * flows become aborted; starting flows, and under {@link RecoveryPolicy#REQUEUE} running ones, lose
 * the outputs of the interrupted run and are queued again; under {@link RecoveryPolicy#FAIL}
 * running flows fail. A flow that waits (a delayed start, or a running flow between attempts of a
 * retry) keeps its time and waits again ({@link DelayedRuns}); a flow between attempts never ran
 * when the process stopped, so it is neither requeued nor failed. Each batch is a few bulk store
 * calls ({@link io.flowengine.spi.FlowStore#compareAndSetAll}, {@link
 * io.flowengine.spi.AssetStore#deleteAll( java.util.Collection, AssetRole)}), so a durable store
 * recovers many thousands of flows a second. Runs once, when the engine starts.
 */
final class Recovery {
  private static final Logger log = LoggerFactory.getLogger(Recovery.class);
  private static final Set<FlowState> UNFINISHED =
      EnumSet.of(FlowState.STARTING, FlowState.RUNNING, FlowState.ABORTING);
  private static final int BATCH = 1000;

  private Recovery() {}

  static int run(EngineContext ctx, DelayedRuns runner, RecoveryPolicy policy) {
    int recovered = 0;
    String after = null;
    while (true) {
      List<FlowRecord> batch = ctx.flows().findByStates(UNFINISHED, after, BATCH);
      recover(ctx, runner, policy, batch);
      recovered += batch.size();
      if (batch.size() < BATCH) {
        break;
      }
      after = batch.getLast().id();
    }
    if (recovered > 0) {
      log.info("recovered {} unfinished flows (policy {})", recovered, policy);
    }
    return recovered;
  }

  private static void recover(
      EngineContext ctx, DelayedRuns runner, RecoveryPolicy policy, List<FlowRecord> batch) {
    List<FlowRecord> aborting = new ArrayList<>();
    List<FlowRecord> running = new ArrayList<>();
    List<String> rerun = new ArrayList<>();
    for (FlowRecord record : batch) {
      if (record.state() == FlowState.RUNNING && record.notBefore() != null) {
        runner.submit(record); // between attempts: its next one runs at its time
        continue;
      }
      switch (record.state()) {
        case ABORTING -> aborting.add(record);
        case RUNNING -> {
          running.add(record);
          if (policy == RecoveryPolicy.REQUEUE) {
            rerun.add(record.id());
          }
        }
        case STARTING -> rerun.add(record.id());
        default -> {} // finished meanwhile
      }
    }
    FlowStateMachine machine = ctx.stateMachine();
    machine.fireAll(aborting, FlowEvent.FINISH_ABORT, null);
    if (!rerun.isEmpty()) {
      ctx.assets().deleteAll(rerun, AssetRole.OUTPUT);
    }
    List<FlowRecord> queued = new ArrayList<>();
    if (policy == RecoveryPolicy.FAIL) {
      machine.fireAll(running, FlowEvent.FAIL, "the engine stopped while the flow was running");
    } else {
      queued.addAll(machine.fireAll(running, FlowEvent.REQUEUE, null));
    }
    for (FlowRecord record : batch) {
      if (record.state() == FlowState.STARTING) {
        runner.submit(record);
      }
    }
    for (FlowRecord requeued : queued) {
      runner.submit(requeued);
    }
  }
}
