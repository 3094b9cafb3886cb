package io.flowengine;

import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a caller asks of a flow, with the states in which it is allowed. A request in any other
 * state is refused with a {@link FlowStateException}. Immutable and thread-safe.
 */
public enum FlowAction {
  /** {@link FlowOperations#startFlow}: only a created flow can be started. */
  START(EnumSet.of(FlowState.CREATED)),
  /** {@link FlowOperations#abortFlow}: only a starting or running flow can be aborted. */
  ABORT(EnumSet.of(FlowState.STARTING, FlowState.RUNNING)),
  /** {@link FlowOperations#deleteFlow}: never while a thread may still work on the flow. */
  DELETE(EnumSet.of(FlowState.CREATED, FlowState.COMPLETED, FlowState.ABORTED, FlowState.FAILED)),
  /** {@link FlowOperations#addInput}: inputs are accepted only before the flow starts. */
  ADD_INPUT(EnumSet.of(FlowState.CREATED)),
  /** {@link FlowOperations#listOutputs} and {@link FlowOperations#getOutput}. */
  READ_OUTPUTS(EnumSet.of(FlowState.COMPLETED, FlowState.ABORTED, FlowState.FAILED));

  private final ImmutableSet<FlowState> allowedStates;

  FlowAction(EnumSet<FlowState> allowedStates) {
    this.allowedStates = Sets.immutableEnumSet(allowedStates);
  }

  /** Returns the states in which this action is allowed. */
  public Set<FlowState> allowedStates() {
    return allowedStates;
  }

  /** Returns whether this action is allowed in {@code state}. */
  public boolean isAllowedIn(FlowState state) {
    return allowedStates.contains(state);
  }

  /** Returns the lower-case name, e.g. {@code "add_input"}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
