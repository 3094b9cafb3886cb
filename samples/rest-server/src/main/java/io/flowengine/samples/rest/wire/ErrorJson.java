package io.flowengine.samples.rest.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code {"detail":"..."}}: the body of 401, 404, 413, 500 and 503 responses (FastAPI's form). */
public record ErrorJson(@JsonProperty("detail") String detail) {}
