package io.flowengine.samples.rest.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /flows}: the template id or name, parameter values, any JSON as user
 * data, and inputs; a flow created with inputs starts at once. Unknown fields are ignored, as the
 * reference does. Beyond the reference: {@code start_at}, an ISO-8601 time the flow waits for in
 * {@code starting}.
 */
public record CreateFlowRequest(
    @JsonProperty("template") @Nullable String template,
    @JsonProperty("parameters") @Nullable Map<String, JsonNode> parameters,
    @JsonProperty("additional") @Nullable JsonNode additional,
    @JsonProperty("inputs") @Nullable List<InputRequest> inputs,
    @JsonProperty("start_at") @Nullable String startAt) {}
