package io.flowengine.samples.rest.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.flowengine.FlowState;
import io.flowengine.FlowStateException;
import java.util.List;

/**
 * The body of a 409: the action is not allowed in the flow's current state. Carries the flow id,
 * its {@code state}, the refused {@code action} and the states where it would be allowed.
 */
public record StateConflictJson(
    @JsonProperty("detail") String detail,
    @JsonProperty("flow_id") String flowId,
    @JsonProperty("state") String state,
    @JsonProperty("action") String action,
    @JsonProperty("allowed_states") List<String> allowedStates) {

  /** Returns the wire form of {@code e}. */
  public static StateConflictJson of(FlowStateException e) {
    return new StateConflictJson(
        e.getMessage(),
        e.flowId(),
        e.state().wireName(),
        e.action().wireName(),
        e.allowedStates().stream().map(FlowState::wireName).toList());
  }
}
