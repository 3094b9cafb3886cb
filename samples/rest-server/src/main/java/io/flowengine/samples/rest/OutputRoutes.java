package io.flowengine.samples.rest;

import io.flowengine.Asset;
import io.flowengine.FlowOperations;
import io.flowengine.samples.rest.wire.AssetJson;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;

/**
 * A finished flow's outputs: {@code GET /flows/{flow_id}/outputs} ({@code listOutputs}; with the
 * content when {@code include_data=true}) and {@code GET /flows/{flow_id}/outputs/{asset_id}}
 * ({@code getOutput}: {@code {"data":"data:model/gltf-binary;base64,..."}} plus the metadata, or
 * the raw bytes when {@code Accept} asks for {@code model/gltf-binary}; see {@link
 * AssetRepresentation}), streamed from the store however large. Thread-safe.
 */
final class OutputRoutes implements HttpService {
  private final BearerAuthentication auth;
  private final JsonResponses responses;
  private final AssetResponses assets;

  OutputRoutes(BearerAuthentication auth, JsonResponses responses) {
    this.auth = auth;
    this.responses = responses;
    this.assets = new AssetResponses(responses);
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .get("/flows/{flowId}/outputs", this::list)
        .get("/flows/{flowId}/outputs/{assetId}", this::get)
        .any("/flows/{flowId}/outputs", ApiErrorMapper.METHOD_NOT_ALLOWED)
        .any("/flows/{flowId}/outputs/{assetId}", ApiErrorMapper.METHOD_NOT_ALLOWED);
  }

  private void list(ServerRequest req, ServerResponse res) {
    FlowOperations operations = auth.operations(req);
    String flowId = FlowRoutes.flowId(req);
    boolean includeData = QueryFlags.bool(req.query(), "include_data", false);
    List<Asset> outputs = operations.listOutputs(flowId);
    if (includeData) {
      List<String> ids = outputs.stream().map(Asset::id).toList();
      responses.assetsWithData(
          res, flowId, "outputs", ids, assetId -> operations.getOutput(flowId, assetId));
    } else {
      responses.ok(
          res, new AssetJson.OutputsJson(flowId, outputs.stream().map(AssetJson::of).toList()));
    }
  }

  private void get(ServerRequest req, ServerResponse res) {
    FlowOperations operations = auth.operations(req);
    String assetId = req.path().pathParameters().get("assetId");
    assets.send(req, res, operations.getOutput(FlowRoutes.flowId(req), assetId));
  }
}
