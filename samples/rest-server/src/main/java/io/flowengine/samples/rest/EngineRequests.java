package io.flowengine.samples.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowengine.InvalidRequestException;
import io.flowengine.NewAsset;
import io.flowengine.NewFlow;
import io.flowengine.samples.rest.wire.CreateFlowRequest;
import io.flowengine.samples.rest.wire.InputRequest;
import io.flowengine.samples.rest.wire.UserData;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns wire request records into the engine's requests ({@link NewFlow}, {@link NewAsset}),
 * reporting what the wire allows but the engine cannot take (missing fields, null parameter values,
 * malformed data URIs) as 422 problems, all together. The engine then checks the rest (parameter
 * types and bounds, media types, limits). Stateless.
 */
final class EngineRequests {
  private EngineRequests() {}

  /**
   * Returns the engine request for a {@code POST /flows} body.
   *
   * @throws RequestValidationException listing every problem found
   */
  static NewFlow newFlow(CreateFlowRequest body) {
    return newFlow(body, null);
  }

  /**
   * Returns the engine request for a {@code POST /flows} body and its {@code Idempotency-Key}
   * header, if any.
   *
   * @throws RequestValidationException listing every malformed field
   */
  static NewFlow newFlow(CreateFlowRequest body, @Nullable String idempotencyKey) {
    RequestValidationException.Collector problems = new RequestValidationException.Collector();
    if (body.template() == null) {
      problems.add(List.of("body", "template"), "Field required", "missing");
    }
    NewFlow.Builder flow = NewFlow.builder(body.template() == null ? "" : body.template());
    Map<String, JsonNode> parameters = body.parameters() == null ? Map.of() : body.parameters();
    parameters.forEach(
        (name, value) -> {
          Object javaValue = parameterValue(value);
          if (javaValue == null) {
            problems.add(
                List.of("body", "parameters", name), "Input should not be null", "value_error");
          } else {
            flow.parameter(name, javaValue);
          }
        });
    String additional = UserData.toStored(body.additional());
    if (additional != null) {
      flow.additional(additional);
    }
    List<InputRequest> inputs = body.inputs() == null ? List.of() : body.inputs();
    for (int i = 0; i < inputs.size(); i++) {
      NewAsset input = newAsset(inputs.get(i), List.of("inputs", i), problems);
      if (input != null) {
        flow.input(input);
      }
    }
    if (body.startAt() != null) {
      try {
        flow.startAt(java.time.Instant.parse(body.startAt()));
      } catch (java.time.format.DateTimeParseException e) {
        problems.add(
            List.of("body", "start_at"), "Input should be an ISO-8601 time", "datetime_parsing");
      }
    }
    if (idempotencyKey != null) {
      flow.idempotencyKey(idempotencyKey);
    }
    problems.throwIfAny();
    return flow.build();
  }

  /**
   * Parses an ISO-8601 time of the body's field {@code field}.
   *
   * @throws RequestValidationException if it is not one
   */
  static java.time.Instant time(String value, String field) {
    try {
      return java.time.Instant.parse(value);
    } catch (java.time.format.DateTimeParseException e) {
      throw RequestValidationException.of(
          List.of("body", field), "Input should be an ISO-8601 time", "datetime_parsing");
    }
  }

  /**
   * Returns the engine input for a {@code POST /flows/{id}/inputs} body.
   *
   * @throws RequestValidationException listing every problem found
   */
  static NewAsset newInput(InputRequest body) {
    RequestValidationException.Collector problems = new RequestValidationException.Collector();
    NewAsset input = newAsset(body, List.of(), problems);
    problems.throwIfAny();
    if (input == null) {
      throw new IllegalStateException("no input and no problem");
    }
    return input;
  }

  private static @Nullable NewAsset newAsset(
      @Nullable InputRequest body, List<Object> at, RequestValidationException.Collector problems) {
    if (body == null) {
      problems.add(
          location(at),
          "Input should be a valid dictionary or object to extract fields from",
          "model_attributes_type");
      return null;
    }
    if (body.data() == null) {
      problems.add(location(at, "data"), "Field required", "missing");
      return null;
    }
    try {
      NewAsset asset = NewAsset.of(body.data());
      String additional = UserData.toStored(body.additional());
      return additional == null ? asset : asset.withAdditional(additional);
    } catch (InvalidRequestException e) {
      problems.addAll(ViolationLocations.items(e.violations(), at));
      return null;
    }
  }

  /** Returns the Java value of a JSON parameter value, or null for JSON null. */
  private static @Nullable Object parameterValue(@Nullable JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isIntegralNumber()) {
      return value.canConvertToLong() ? (Object) value.longValue() : value.bigIntegerValue();
    }
    if (value.isNumber()) {
      return value.doubleValue();
    }
    return value; // a list or object: the engine reports it as the wrong type
  }

  private static List<Object> location(List<Object> at, Object... more) {
    List<Object> loc = new java.util.ArrayList<>();
    loc.add("body");
    loc.addAll(at);
    loc.addAll(List.of(more));
    return loc;
  }
}
