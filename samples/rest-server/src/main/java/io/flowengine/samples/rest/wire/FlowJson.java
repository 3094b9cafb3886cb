package io.flowengine.samples.rest.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.flowengine.Flow;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A flow as {@code GET /flows/{flow_id}}, {@code POST /flows} and {@code PATCH} return it. Times
 * are ISO-8601 UTC strings; {@code progress} is a float in [0, 1]; {@code error} is set only when
 * the flow failed. Beyond the reference: {@code attempt} (from 1), {@code last_error} (of the last
 * failed attempt), {@code start_at} (while a delayed start waits) and {@code next_attempt_at}
 * (while a retry waits).
 */
public record FlowJson(
    @JsonProperty("flow_id") String flowId,
    @JsonProperty("template") String template,
    @JsonProperty("template_id") String templateId,
    @JsonProperty("template_name") String templateName,
    @JsonProperty("state") String state,
    @JsonProperty("progress") double progress,
    @JsonProperty("parameters") Map<String, Object> parameters,
    @JsonProperty("additional") JsonNode additional,
    @JsonProperty("created_at") String createdAt,
    @JsonProperty("started_at") @Nullable String startedAt,
    @JsonProperty("finished_at") @Nullable String finishedAt,
    @JsonProperty("error") @Nullable String error,
    @JsonProperty("attempt") int attempt,
    @JsonProperty("last_error") @Nullable String lastError,
    @JsonProperty("start_at") @Nullable String startAt,
    @JsonProperty("next_attempt_at") @Nullable String nextAttemptAt) {

  /** Returns the wire form of {@code flow}. */
  public static FlowJson of(Flow flow) {
    return new FlowJson(
        flow.id(),
        flow.templateName(),
        flow.templateId(),
        flow.templateName(),
        flow.state().wireName(),
        flow.progress(),
        flow.parameters().values(),
        UserData.toWire(flow.additional()),
        flow.createdAt().toString(),
        time(flow.startedAt()),
        time(flow.finishedAt()),
        flow.error(),
        flow.attempt(),
        flow.lastError(),
        time(flow.startAt()),
        time(flow.nextAttemptAt()));
  }

  static @Nullable String time(@Nullable Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
