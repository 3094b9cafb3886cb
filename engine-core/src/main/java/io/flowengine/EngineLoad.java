package io.flowengine;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * How busy an engine is at one moment ({@link FlowEngine#load()}): the flows it runs and the flows
 * it has queued, waiting {@link FlowState#STARTING} for one of its {@code maxRunningFlows} slots.
 * Immutable.
 *
 * @param runningFlows flows holding a slot: running, or about to
 * @param queuedFlows flows waiting for a slot, first in first out
 */
public record EngineLoad(int runningFlows, int queuedFlows) {
  /**
   * Checks the counts.
   *
   * @throws IllegalArgumentException if a count is negative
   */
  public EngineLoad {
    checkArgument(runningFlows >= 0, "runningFlows must not be negative: %s", runningFlows);
    checkArgument(queuedFlows >= 0, "queuedFlows must not be negative: %s", queuedFlows);
  }
}
