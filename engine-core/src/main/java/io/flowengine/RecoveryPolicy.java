package io.flowengine;

/**
 * What the engine does, when it is built on a durable store, with flows that a process which
 * stopped without closing left {@link FlowState#STARTING} or {@link FlowState#RUNNING}. Flows left
 * {@link FlowState#ABORTING} always become {@link FlowState#ABORTED}. Immutable and thread-safe.
 */
public enum RecoveryPolicy {
  /**
   * Run them again from their first step (the default): outputs of the interrupted run are deleted,
   * inputs are kept. Steps should therefore be repeatable.
   */
  REQUEUE,
  /** End them {@link FlowState#FAILED} with an error saying the engine stopped while they ran. */
  FAIL
}
