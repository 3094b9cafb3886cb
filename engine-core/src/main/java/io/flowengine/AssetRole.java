package io.flowengine;

import java.util.Locale;

/** Whether an asset was given to a flow or produced by it. Immutable and thread-safe. */
public enum AssetRole {
  /** Uploaded by the caller before the flow ran. */
  INPUT,
  /** Written by the flow's pipeline. */
  OUTPUT;

  /** Returns the lower-case name, e.g. {@code "input"}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
