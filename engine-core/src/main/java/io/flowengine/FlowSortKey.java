package io.flowengine;

/**
 * What {@link FlowOperations#listFlows} sorts by. Ties are broken by flow id, so the order is total
 * and pages never repeat or skip a flow. A flow without a start or finish time sorts after all
 * flows that have one, in either direction. States sort in lifecycle order ({@link FlowState}
 * declaration order). Immutable and thread-safe.
 */
public enum FlowSortKey {
  /** The state, in lifecycle order; wire name {@code status}. */
  STATE("status"),
  /** The progress. */
  PROGRESS("progress"),
  /** The creation time (the default). */
  CREATED_AT("created_at"),
  /** The start time. */
  STARTED_AT("started_at"),
  /** The finish time. */
  FINISHED_AT("finished_at");

  private final String wireName;

  FlowSortKey(String wireName) {
    this.wireName = wireName;
  }

  /** Returns the reference API's {@code sort_by} value, e.g. {@code created_at}. */
  public String wireName() {
    return wireName;
  }

  /**
   * Returns the key with this wire name; {@code state} is accepted as well as {@code status}.
   *
   * @throws IllegalArgumentException if there is none
   */
  public static FlowSortKey fromWireName(String wireName) {
    if ("state".equals(wireName)) {
      return STATE;
    }
    for (FlowSortKey key : values()) {
      if (key.wireName.equals(wireName)) {
        return key;
      }
    }
    throw new IllegalArgumentException("unknown sort key '" + wireName + "'");
  }
}
