package io.flowengine.samples.rest;

import io.flowengine.CreateFlowResult;
import io.flowengine.Flow;
import io.flowengine.FlowOperations;
import io.flowengine.NewFlow;
import io.flowengine.samples.rest.wire.CreateFlowRequest;
import io.flowengine.samples.rest.wire.FlowActionRequest;
import io.flowengine.samples.rest.wire.FlowHistoryJson;
import io.flowengine.samples.rest.wire.FlowJson;
import io.flowengine.samples.rest.wire.FlowListJson;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Map;

/**
 * The flow resource: {@code GET /flows} ({@code listFlows}), {@code POST /flows} ({@code
 * createFlow}), {@code GET /flows/{flow_id}} ({@code getFlow}), {@code PATCH /flows/{flow_id}}
 * ({@code startFlow} or {@code abortFlow}) and {@code DELETE /flows/{flow_id}} ({@code
 * deleteFlow}), and, beyond the reference, {@code GET /flows/{flow_id}/history} ({@code history}),
 * the {@code Idempotency-Key} header on {@code POST /flows} (a repeat answers the existing flow
 * with {@code Idempotent-Replayed: true}) and {@code start_at} on a start. Thread-safe.
 */
final class FlowRoutes implements HttpService {
  /** The request header that makes {@code POST /flows} idempotent. */
  static final HeaderName IDEMPOTENCY_KEY = HeaderNames.create("Idempotency-Key");

  /** The response header that says a {@code POST /flows} returned an existing flow. */
  static final HeaderName IDEMPOTENT_REPLAYED = HeaderNames.create("Idempotent-Replayed");

  private final BearerAuthentication auth;
  private final JsonBodyReader bodies;
  private final JsonResponses responses;

  FlowRoutes(BearerAuthentication auth, JsonBodyReader bodies, JsonResponses responses) {
    this.auth = auth;
    this.bodies = bodies;
    this.responses = responses;
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .get("/flows", this::list)
        .post("/flows", this::create)
        .get("/flows/{flowId}", this::get)
        .patch("/flows/{flowId}", this::act)
        .get("/flows/{flowId}/history", this::history)
        .delete("/flows/{flowId}", this::delete)
        .any("/flows", ApiErrorMapper.METHOD_NOT_ALLOWED)
        .any("/flows/{flowId}", ApiErrorMapper.METHOD_NOT_ALLOWED)
        .any("/flows/{flowId}/history", ApiErrorMapper.METHOD_NOT_ALLOWED);
  }

  private void list(ServerRequest req, ServerResponse res) {
    FlowOperations operations = auth.operations(req);
    responses.ok(res, FlowListJson.of(operations.listFlows(FlowListQuery.parse(req.query()))));
  }

  private void create(ServerRequest req, ServerResponse res) {
    FlowOperations operations = auth.operations(req);
    CreateFlowRequest body = bodies.read(req, CreateFlowRequest.class);
    String key = req.headers().first(IDEMPOTENCY_KEY).orElse(null);
    NewFlow request = EngineRequests.newFlow(body, key);
    if (key == null) {
      responses.ok(res, FlowJson.of(operations.createFlow(request)));
      return;
    }
    CreateFlowResult.Created created = operations.createFlowIdempotently(request);
    if (created.existing()) {
      res.header(IDEMPOTENT_REPLAYED, "true");
    }
    responses.ok(res, FlowJson.of(created.flow()));
  }

  private void history(ServerRequest req, ServerResponse res) {
    String flowId = flowId(req);
    responses.ok(res, FlowHistoryJson.of(flowId, auth.operations(req).history(flowId)));
  }

  private void get(ServerRequest req, ServerResponse res) {
    responses.ok(res, FlowJson.of(auth.operations(req).getFlow(flowId(req))));
  }

  private void act(ServerRequest req, ServerResponse res) {
    FlowOperations operations = auth.operations(req);
    String flowId = flowId(req);
    FlowActionRequest body = bodies.read(req, FlowActionRequest.class);
    String action = body.action();
    Flow flow;
    if (FlowActionRequest.START.equals(action) && body.startAt() != null) {
      flow = operations.startFlow(flowId, EngineRequests.time(body.startAt(), "start_at"));
    } else if (FlowActionRequest.START.equals(action)) {
      flow = operations.startFlow(flowId);
    } else if (FlowActionRequest.ABORT.equals(action)) {
      flow = operations.abortFlow(flowId);
    } else {
      throw RequestValidationException.of(
          List.of("body", "action"),
          action == null ? "Field required" : "Input should be 'start' or 'abort'",
          action == null ? "missing" : "literal_error");
    }
    responses.ok(res, FlowJson.of(flow));
  }

  private void delete(ServerRequest req, ServerResponse res) {
    String flowId = flowId(req);
    auth.operations(req).deleteFlow(flowId);
    responses.ok(res, Map.of("flow_id", flowId, "deleted", true));
  }

  static String flowId(ServerRequest req) {
    return req.path().pathParameters().get("flowId");
  }
}
