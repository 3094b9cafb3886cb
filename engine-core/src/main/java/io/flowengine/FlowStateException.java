package io.flowengine;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.Sets;
import java.io.Serial;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An action is not allowed in the flow's current state, e.g. starting a running flow. Names the
 * flow, its state, the action and the states where the action is allowed. Immutable.
 */
public final class FlowStateException extends FlowEngineException {
  @Serial private static final long serialVersionUID = 1L;

  /** The refused flow. */
  private final String flowId;

  /** The flow's state when the action was refused. */
  private final FlowState state;

  /** What was asked of the flow. */
  private final FlowAction action;

  /** Creates the exception for {@code action} refused on flow {@code flowId} in {@code state}. */
  public FlowStateException(String flowId, FlowState state, FlowAction action) {
    super(
        "cannot "
            + requireNonNull(action, "action").wireName().replace('_', ' ')
            + " flow "
            + requireNonNull(flowId, "flowId")
            + ": it is "
            + requireNonNull(state, "state").wireName()
            + ", and "
            + action.wireName().replace('_', ' ')
            + " is allowed only when "
            + action.allowedStates().stream()
                .map(FlowState::wireName)
                .collect(Collectors.joining(", ")));
    this.flowId = flowId;
    this.state = state;
    this.action = action;
  }

  /** Returns the flow the action was refused on. */
  public String flowId() {
    return flowId;
  }

  /** Returns the flow's state when the action was refused. */
  public FlowState state() {
    return state;
  }

  /** Returns the refused action. */
  public FlowAction action() {
    return action;
  }

  /** Returns the states in which the action would have been allowed. */
  public Set<FlowState> allowedStates() {
    return Sets.immutableEnumSet(action.allowedStates());
  }
}
