package io.flowengine.samples.rest.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code PATCH /flows/{id}}: {@code {"action":"start"}} or {@code {"action":"abort"}}.
 * A start may carry {@code "start_at"}, an ISO-8601 time the flow waits for in {@code starting}.
 */
public record FlowActionRequest(
    @JsonProperty("action") @Nullable String action,
    @JsonProperty("start_at") @Nullable String startAt) {

  /** The action that starts a created flow. */
  public static final String START = "start";

  /** The action that aborts a starting or running flow. */
  public static final String ABORT = "abort";
}
