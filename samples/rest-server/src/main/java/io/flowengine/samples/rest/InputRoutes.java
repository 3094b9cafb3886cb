package io.flowengine.samples.rest;

import io.flowengine.Asset;
import io.flowengine.FlowOperations;
import io.flowengine.samples.rest.wire.AssetJson;
import io.flowengine.samples.rest.wire.InputRequest;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;

/**
 * A flow's inputs: {@code GET /flows/{flow_id}/inputs} ({@code listInputs}, with the content when
 * {@code include_data=true}), {@code POST /flows/{flow_id}/inputs} ({@code addInput}) and {@code
 * GET /flows/{flow_id}/inputs/{asset_id}} ({@code getInput}, with the content as a data URI, or the
 * raw bytes when {@code Accept} asks for the input's media type; see {@link AssetRepresentation}).
 * Content is streamed from the store. Thread-safe.
 */
final class InputRoutes implements HttpService {
  private final BearerAuthentication auth;
  private final JsonBodyReader bodies;
  private final JsonResponses responses;
  private final AssetResponses assets;

  InputRoutes(BearerAuthentication auth, JsonBodyReader bodies, JsonResponses responses) {
    this.auth = auth;
    this.bodies = bodies;
    this.responses = responses;
    this.assets = new AssetResponses(responses);
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .get("/flows/{flowId}/inputs", this::list)
        .post("/flows/{flowId}/inputs", this::add)
        .get("/flows/{flowId}/inputs/{assetId}", this::get)
        .any("/flows/{flowId}/inputs", ApiErrorMapper.METHOD_NOT_ALLOWED)
        .any("/flows/{flowId}/inputs/{assetId}", ApiErrorMapper.METHOD_NOT_ALLOWED);
  }

  private void list(ServerRequest req, ServerResponse res) {
    FlowOperations operations = auth.operations(req);
    String flowId = FlowRoutes.flowId(req);
    boolean includeData = QueryFlags.bool(req.query(), "include_data", false);
    List<Asset> inputs = operations.listInputs(flowId);
    if (includeData) {
      List<String> ids = inputs.stream().map(Asset::id).toList();
      responses.assetsWithData(
          res, flowId, "inputs", ids, assetId -> operations.getInput(flowId, assetId));
    } else {
      responses.ok(
          res, new AssetJson.InputsJson(flowId, inputs.stream().map(AssetJson::of).toList()));
    }
  }

  private void add(ServerRequest req, ServerResponse res) {
    FlowOperations operations = auth.operations(req);
    String flowId = FlowRoutes.flowId(req);
    InputRequest body = bodies.read(req, InputRequest.class);
    responses.ok(res, AssetJson.of(operations.addInput(flowId, EngineRequests.newInput(body))));
  }

  private void get(ServerRequest req, ServerResponse res) {
    FlowOperations operations = auth.operations(req);
    String assetId = req.path().pathParameters().get("assetId");
    assets.send(req, res, operations.getInput(FlowRoutes.flowId(req), assetId));
  }
}
