package io.flowengine.spi;

import static java.util.Objects.requireNonNull;

import io.flowengine.FlowState;
import org.jspecify.annotations.Nullable;

/**
 * A change another node made to a flow, as a {@link ClusterStore} announces it: the flow and the
 * state it was left in, or null if it was deleted. The receiver reads the flow again for the rest.
 * Immutable.
 *
 * @param flowId the flow that changed, or empty for {@link #everything()}
 * @param state its state after the change, or null if it was deleted (or for {@link #everything()})
 */
public record FlowChange(String flowId, @Nullable FlowState state) {
  private static final FlowChange EVERYTHING = new FlowChange("", null);

  /** Checks the id. */
  public FlowChange {
    requireNonNull(flowId, "flowId");
  }

  /**
   * Returns the change that stands for any change of any flow: what a store announces after a time
   * in which it may have missed some (the receiver checks everything it waits for again).
   */
  public static FlowChange everything() {
    return EVERYTHING;
  }

  /** Returns whether this is {@link #everything()}. */
  public boolean isEverything() {
    return flowId.isEmpty();
  }
}
