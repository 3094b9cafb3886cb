package io.flowengine;

/** The direction of a flow listing. Immutable and thread-safe. */
public enum SortDirection {
  /** Smallest first (the default). */
  ASCENDING,
  /** Largest first. */
  DESCENDING
}
