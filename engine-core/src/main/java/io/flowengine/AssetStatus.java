package io.flowengine;

import java.util.Locale;

/**
 * The status of an asset as the reference API reports it. An input is {@link #AVAILABLE} until its
 * flow starts, {@link #PROCESSING} while the flow is active, then {@link #AVAILABLE} again (with a
 * processed time once the flow completed) or {@link #ERROR} if the flow failed. An output is always
 * {@link #READY}. Immutable and thread-safe.
 */
public enum AssetStatus {
  /** Stored and readable. */
  AVAILABLE,
  /** Its flow is working on it. */
  PROCESSING,
  /** An output, fully written. */
  READY,
  /** Its flow failed while processing it. */
  ERROR;

  /** Returns the lower-case name, e.g. {@code "processing"}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
