package io.flowengine.internal;

/** Everything that moves a flow from one state to another; see {@link FlowTransitions}. */
enum FlowEvent {
  /** A caller started a created flow. */
  START,
  /** The runner gave a starting flow a thread. */
  DISPATCH,
  /** Every step returned. */
  COMPLETE,
  /** A step threw, the flow timed out, or it could not be run. */
  FAIL,
  /** A caller asked to abort. */
  ABORT,
  /** The aborted flow's step has stopped. */
  FINISH_ABORT,
  /** Recovery puts a flow a dead process left running back in the queue. */
  REQUEUE,
  /** An attempt failed and the retry policy allows another: the flow waits for its next attempt. */
  RETRY,
  /** A flow waiting for its next attempt got a thread: the attempt begins. */
  RESUME
}
