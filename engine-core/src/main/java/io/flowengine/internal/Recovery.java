package io.flowengine.internal;

import io.flowengine.AssetRole;
import io.flowengine.FlowState;
import io.flowengine.RecoveryPolicy;
import io.flowengine.spi.AssetRecord;
import io.flowengine.spi.FlowRecord;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes what a process that stopped without closing left behind, in batches by id: aborting
 * flows become aborted; starting flows, and under {@link RecoveryPolicy#REQUEUE} running ones,
 * lose the outputs of the interrupted run and are queued again; under {@link
 * RecoveryPolicy#FAIL} running flows fail. Runs once, when the engine starts.
 */
final class Recovery {
  private static final Logger log = LoggerFactory.getLogger(Recovery.class);
  private static final Set<FlowState> UNFINISHED =
      EnumSet.of(FlowState.STARTING, FlowState.RUNNING, FlowState.ABORTING);
  private static final int BATCH = 1000;

  private Recovery() {}

  static int run(EngineContext ctx, FlowRunner runner, RecoveryPolicy policy) {
    int recovered = 0;
    String after = null;
    while (true) {
      List<FlowRecord> batch = ctx.flows().findByStates(UNFINISHED, after, BATCH);
      for (FlowRecord record : batch) {
        recover(ctx, runner, policy, record);
      }
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
      EngineContext ctx, FlowRunner runner, RecoveryPolicy policy, FlowRecord record) {
    FlowStateMachine machine = ctx.stateMachine();
    switch (record.state()) {
      case ABORTING -> machine.fire(record, FlowEvent.FINISH_ABORT, null, null);
      case RUNNING -> {
        if (policy == RecoveryPolicy.FAIL) {
          machine.fire(record, FlowEvent.FAIL, "the engine stopped while the flow was running", null);
        } else {
          deleteOutputs(ctx, record);
          if (machine.fire(record, FlowEvent.REQUEUE, null, null) != null) {
            runner.submit(record.id());
          }
        }
      }
      case STARTING -> {
        deleteOutputs(ctx, record);
        runner.submit(record.id());
      }
      default -> { } // finished meanwhile
    }
  }

  private static void deleteOutputs(EngineContext ctx, FlowRecord record) {
    for (AssetRecord output : ctx.assets().list(record.id(), AssetRole.OUTPUT)) {
      ctx.assets().delete(record.id(), output.id());
    }
  }
}
