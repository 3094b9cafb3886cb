package io.flowengine.samples.rest.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.flowengine.FlowHistory;
import io.flowengine.FlowTransition;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /flows/{flow_id}/history}: a flow's recorded state changes, oldest first, and how many
 * were dropped between the first and the last ones kept (the history is bounded).
 *
 * @param flowId the flow
 * @param transitions the kept changes
 * @param dropped how many changes were dropped
 */
public record FlowHistoryJson(
    @JsonProperty("flow_id") String flowId,
    @JsonProperty("transitions") List<Transition> transitions,
    @JsonProperty("dropped") long dropped) {

  /**
   * One change: {@code from} is null for the flow's creation; a retry goes from running to running.
   *
   * @param from the state before, or null
   * @param to the state after
   * @param at when, ISO-8601 UTC
   * @param attempt the attempt after the change
   * @param error the failure or failed attempt it records, or null
   */
  public record Transition(
      @JsonProperty("from") @Nullable String from,
      @JsonProperty("to") String to,
      @JsonProperty("at") String at,
      @JsonProperty("attempt") int attempt,
      @JsonProperty("error") @Nullable String error) {}

  /** Returns the wire form of {@code history}. */
  public static FlowHistoryJson of(String flowId, FlowHistory history) {
    return new FlowHistoryJson(
        flowId,
        history.transitions().stream().map(FlowHistoryJson::transition).toList(),
        history.dropped());
  }

  private static Transition transition(FlowTransition change) {
    return new Transition(
        change.from() == null ? null : change.from().wireName(),
        change.to().wireName(),
        change.at().toString(),
        change.attempt(),
        change.error());
  }
}
