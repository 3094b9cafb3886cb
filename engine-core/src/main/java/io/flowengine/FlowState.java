package io.flowengine;

import java.util.Locale;

/**
 * The seven states of a flow.
 *
 * <pre>
 * CREATED -&gt; STARTING -&gt; RUNNING -&gt; COMPLETED | FAILED
 *            STARTING | RUNNING -&gt; ABORTING -&gt; ABORTED
 * </pre>
 *
 * <p>{@link #wireName()} is the lower-case name the reference Flows API uses ({@code created},
 * {@code running}, ...). Immutable and thread-safe.
 */
public enum FlowState {
  /** Created without inputs; inputs may be added and the flow started. */
  CREATED,
  /** Started and waiting for a free slot to run (queued, first in first out). */
  STARTING,
  /** Its pipeline is running on a thread. */
  RUNNING,
  /** An abort was requested; the running step is being stopped. */
  ABORTING,
  /** The pipeline finished; progress is exactly 1.0. */
  COMPLETED,
  /** Aborted on request; outputs written before the abort are kept. */
  ABORTED,
  /** A step failed or the flow timed out; outputs written before are kept. */
  FAILED;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  /** Returns whether the flow can no longer change: completed, aborted or failed. */
  public boolean isTerminal() {
    return this == COMPLETED || this == ABORTED || this == FAILED;
  }

  /** Returns whether a thread is, or is about to be, working on the flow. */
  public boolean isActive() {
    return this == STARTING || this == RUNNING || this == ABORTING;
  }

  /** Returns the name used on the wire, e.g. {@code "running"}. */
  public String wireName() {
    return wireName;
  }

  /**
   * Returns the state with the given wire name.
   *
   * @throws IllegalArgumentException if no state has that name
   */
  public static FlowState fromWireName(String wireName) {
    for (FlowState state : values()) {
      if (state.wireName.equals(wireName)) {
        return state;
      }
    }
    throw new IllegalArgumentException("unknown flow state '" + wireName + "'");
  }
}
