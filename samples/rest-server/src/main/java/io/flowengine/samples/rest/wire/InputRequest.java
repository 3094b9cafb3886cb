package io.flowengine.samples.rest.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * An input asset: the body of {@code POST /flows/{id}/inputs} and an element of {@code inputs} in
 * {@code POST /flows}. {@code data} is a data URI ({@code data:image/png;base64,...}) or plain text
 * (a {@code text/plain} prompt); {@code additional} is any JSON, copied to the outputs made from
 * this input.
 */
public record InputRequest(
    @JsonProperty("data") @Nullable String data,
    @JsonProperty("additional") @Nullable JsonNode additional) {}
