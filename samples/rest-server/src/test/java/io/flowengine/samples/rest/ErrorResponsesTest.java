package io.flowengine.samples.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowengine.NewApiKey;
import io.flowengine.samples.rest.ApiClient.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every error the server answers, with the reference's codes and bodies: 401 on every endpoint for
 * a missing, malformed, unknown, expired or revoked key; 404; 409 with the current state; 413 for
 * bodies and engine limits; 422 in FastAPI's {@code detail} form; 405.
 */
class ErrorResponsesTest {
  private static ApiTestServer server;
  private static ApiClient api;
  private static String flowId;
  private static String inputId;
  private static String outputId;

  @BeforeAll
  static void start() {
    server = ApiTestServer.start();
    api = server.alice();
    flowId =
        api.post(
                "/flows",
                Map.of(
                    "template",
                    "model_generate_fromprompt",
                    "inputs",
                    List.of(Map.of("data", "a cup"))))
            .json()
            .get("flow_id")
            .asText();
    server.await(flowId);
    inputId = api.get("/flows/" + flowId + "/inputs").json().at("/inputs/0/id").asText();
    outputId = api.get("/flows/" + flowId + "/outputs").json().at("/outputs/0/id").asText();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void everyEndpoint_refusesMissingMalformedAndUnknownKeys_with401() {
    int flowsBefore = api.get("/flows").json().get("flows").size();
    List<String> headers =
        List.of(
            "",
            "Bearer",
            "Bearer    ",
            "Basic dXNlcjpwYXNz",
            "Bearer unknown-key",
            "Bearer fe_" + "0".repeat(24) + "_" + "x".repeat(43),
            "Bearer " + "k".repeat(8000));
    for (Endpoints.Call call : Endpoints.all(flowId, inputId, outputId)) {
      for (String header : headers) {
        Response response = sendWithAuthorization(call, header);
        assertUnauthorized(
            response, call + " with '" + header.substring(0, Math.min(20, header.length())) + "'");
      }
    }
    assertThat(api.get("/flows").json().get("flows")).hasSize(flowsBefore);
    assertThat(api.get("/flows/" + flowId).json().get("state").asText()).isEqualTo("completed");
  }

  @Test
  void everyEndpoint_refusesExpiredAndRevokedKeys_with401() {
    NewApiKey expiring =
        server
            .engine
            .apiKeys()
            .create("alice", "short", server.clock.instant().plus(Duration.ofHours(1)));
    NewApiKey revoked =
        server
            .engine
            .apiKeys()
            .create("alice", "revoked", server.clock.instant().plus(Duration.ofDays(1)));
    assertThat(server.withKey(expiring.secret()).get("/flows").status()).isEqualTo(200);
    assertThat(server.withKey(revoked.secret()).get("/flows").status()).isEqualTo(200);

    server.clock.advance(Duration.ofHours(2));
    server.engine.apiKeys().revoke("alice", revoked.key().id());

    for (Endpoints.Call call : Endpoints.all(flowId, inputId, outputId)) {
      for (String key : List.of(expiring.secret(), revoked.secret())) {
        ApiClient client = server.withKey(key);
        assertUnauthorized(client.send(call.method(), call.path(), call.body()), call.toString());
      }
    }
    assertThat(api.get("/flows").status()).isEqualTo(200);
  }

  @Test
  void unknownFlowsAssetsTemplatesAndRoutes_are404() {
    for (Endpoints.Call call : Endpoints.onFlow("0123456789abcdef01234567", inputId, outputId)) {
      Response response = api.send(call.method(), call.path(), call.body());
      assertThat(response.status()).as(call + ": " + response).isEqualTo(404);
      assertThat(response.json().get("detail").asText()).contains("not found");
    }
    for (String path :
        List.of(
            "/flows/not-an-id",
            "/flows/" + flowId + "/inputs/" + outputId,
            "/flows/" + flowId + "/outputs/" + inputId,
            "/flows/" + flowId + "/outputs/nope",
            "/templates/nope",
            "/nothing",
            "/flows/" + flowId + "/nothing")) {
      assertThat(api.get(path).status()).as(path).isEqualTo(404);
      assertThat(api.get(path).json().get("detail").isTextual()).isTrue();
    }
    Response unknownTemplate = api.post("/flows", "{\"template\":\"model_unknown\"}");
    assertThat(unknownTemplate.status()).isEqualTo(404);
    assertThat(unknownTemplate.json().get("detail").asText()).contains("model_unknown");
  }

  @Test
  void actionsTheStateForbids_are409_withTheCurrentState() {
    ApiTestServer.Blocking blocking = server.blockingTemplate();
    String running =
        api.post(
                "/flows",
                Map.of("template", blocking.name(), "inputs", List.of(Map.of("data", "x"))))
            .json()
            .get("flow_id")
            .asText();
    blocking.awaitRunning();
    try {
      assertConflict(
          api.patch("/flows/" + running, "{\"action\":\"start\"}"),
          running,
          "running",
          "start",
          List.of("created"));
      assertConflict(
          api.delete("/flows/" + running),
          running,
          "running",
          "delete",
          List.of("created", "completed", "aborted", "failed"));
      assertConflict(
          api.post("/flows/" + running + "/inputs", "{\"data\":\"more\"}"),
          running,
          "running",
          "add_input",
          List.of("created"));
      assertConflict(
          api.get("/flows/" + running + "/outputs"),
          running,
          "running",
          "read_outputs",
          List.of("completed", "aborted", "failed"));
      assertConflict(
          api.get("/flows/" + running + "/outputs/" + outputId),
          running,
          "running",
          "read_outputs",
          List.of("completed", "aborted", "failed"));
    } finally {
      blocking.step().release();
    }
    server.await(running);
    assertConflict(
        api.patch("/flows/" + flowId, "{\"action\":\"abort\"}"),
        flowId,
        "completed",
        "abort",
        List.of("starting", "running"));
    assertConflict(
        api.patch("/flows/" + flowId, "{\"action\":\"start\"}"),
        flowId,
        "completed",
        "start",
        List.of("created"));
  }

  @Test
  void bodiesOverTheServerLimit_are413_beforeTheyAreRead() {
    RawHttp.Reply announced =
        RawHttp.exchange(
            server.server.port(),
            "POST /flows HTTP/1.1",
            "Host: localhost",
            "Authorization: Bearer " + server.keyA,
            "Content-Type: application/json",
            "Content-Length: 100000000");
    assertThat(announced.status()).isEqualTo(413);
    assertThat(announced.body()).contains("\"detail\"");

    RawHttp.Reply chunked =
        RawHttp.exchange(
            server.server.port(),
            "POST /flows HTTP/1.1",
            "Host: localhost",
            "Authorization: Bearer " + server.keyA,
            "Content-Type: application/json",
            "Transfer-Encoding: chunked",
            "",
            Long.toHexString(ApiTestServer.MAX_BODY_BYTES + 1));
    assertThat(chunked.status()).isEqualTo(413);
    assertThat(chunked.body()).contains("\"detail\"");
  }

  @Test
  void inputsAndUserDataOverTheEngineLimits_are413() {
    String created =
        api.post("/flows", "{\"template\":\"model_optimize\"}").json().get("flow_id").asText();
    byte[] tooLarge = new byte[(int) ApiTestServer.MAX_INPUT_BYTES + 1];
    Response input =
        api.post(
            "/flows/" + created + "/inputs",
            Map.of("data", WireAssets.dataUri("model/gltf-binary", tooLarge)));
    assertThat(input.status()).as(input.body()).isEqualTo(413);
    assertThat(input.json().get("detail").asText())
        .contains(String.valueOf(ApiTestServer.MAX_INPUT_BYTES));

    Response additional =
        api.post("/flows", Map.of("template", "model_optimize", "additional", "x".repeat(70_000)));
    assertThat(additional.status()).as(additional.body()).isEqualTo(413);

    Response inputs =
        api.post(
            "/flows",
            Map.of(
                "template",
                "model_generate_fromprompt",
                "inputs",
                Collections.nCopies(33, Map.of("data", "a"))));
    assertThat(inputs.status()).as(inputs.body()).isEqualTo(413);
    assertThat(api.get("/flows/" + created + "/inputs").json().get("inputs")).isEmpty();
  }

  @Test
  void malformedJsonAndWrongTypes_are422_atTheirJsonPath() {
    assertProblem(api.post("/flows", "{\"template\":"), List.of("body"), "json_invalid");
    assertProblem(api.post("/flows", ""), List.of("body"), "missing");
    assertProblem(api.post("/flows", "[1,2]"), List.of("body"), "model_attributes_type");
    assertProblem(api.post("/flows", "{}"), List.of("body", "template"), "missing");
    assertProblem(
        api.post("/flows", "{\"template\":5}"), List.of("body", "template"), "string_type");
    assertProblem(
        api.post("/flows", "{\"template\":\"model_optimize\",\"parameters\":[1]}"),
        List.of("body", "parameters"),
        "dict_type");
    assertProblem(
        api.post("/flows", "{\"template\":\"model_optimize\",\"inputs\":\"x\"}"),
        List.of("body", "inputs"),
        "list_type");
    assertProblem(
        api.post(
            "/flows",
            "{\"template\":\"model_generate_fromprompt\",\"inputs\":[{\"data\":\"a\"},5]}"),
        List.of("body", "inputs", 1),
        "model_attributes_type");
    assertProblem(
        api.post(
            "/flows", "{\"template\":\"model_generate_fromprompt\",\"inputs\":[{\"data\":7}]}"),
        List.of("body", "inputs", 0, "data"),
        "string_type");
    assertProblem(
        api.post(
            "/flows",
            "{\"template\":\"model_generate_fromprompt\",\"inputs\":[{\"additional\":1}]}"),
        List.of("body", "inputs", 0, "data"),
        "missing");
    assertProblem(
        api.post(
            "/flows", "{\"template\":\"model_optimize\",\"parameters\":{\"polygon_count\":null}}"),
        List.of("body", "parameters", "polygon_count"),
        "value_error");
  }

  @Test
  void invalidParametersAndInputs_are422_allTogether_atTheirFields() {
    Response parameters =
        api.post(
            "/flows",
            Map.of(
                "template",
                "model_generate_fromprompt",
                "parameters",
                Map.of("seed", "x", "quality", "medium", "colour", "red")));
    assertThat(parameters.status()).as(parameters.body()).isEqualTo(422);
    assertThat(locations(parameters))
        .containsExactlyInAnyOrder(
            List.of("body", "parameters", "seed"),
            List.of("body", "parameters", "quality"),
            List.of("body", "parameters", "colour"));

    Response mediaType =
        api.post(
            "/flows",
            Map.of(
                "template",
                "model_generate_fromprompt",
                "inputs",
                List.of(Map.of("data", "a"), Map.of("data", "data:image/png;base64,AAAA"))));
    assertProblem(mediaType, List.of("body", "inputs", 1, "data"), "value_error");
    assertThat(mediaType.json().at("/detail/0/msg").asText()).contains("image/png");

    assertProblem(
        api.post(
            "/flows",
            Map.of(
                "template",
                "model_generate_fromprompt",
                "inputs",
                List.of(Map.of("data", "data:text/plain")))),
        List.of("body", "inputs", 0, "data"),
        "value_error");

    String created =
        api.post("/flows", "{\"template\":\"model_optimize\"}").json().get("flow_id").asText();
    assertProblem(
        api.post("/flows/" + created + "/inputs", "{\"data\":\"plain text\"}"),
        List.of("body", "data"),
        "value_error");
    assertProblem(
        api.post("/flows/" + created + "/inputs", "{}"), List.of("body", "data"), "missing");
  }

  @Test
  void contentTheTemplateRefuses_is422_atItsData_andStoresNothing() {
    int before = api.get("/flows?limit=100").json().get("flows").size();
    Response emptyPrompt =
        api.post(
            "/flows",
            Map.of(
                "template", "model_generate_fromprompt", "inputs", List.of(Map.of("data", " "))));
    assertProblem(emptyPrompt, List.of("body", "inputs", 0, "data"), "value_error");
    assertThat(emptyPrompt.json().at("/detail/0/msg").asText()).contains("no visible character");
    Response zeroPng =
        api.post(
            "/flows",
            Map.of(
                "template",
                "model_generate_fromimage",
                "inputs",
                List.of(Map.of("data", "data:image/png;base64,AAAA"))));
    assertProblem(zeroPng, List.of("body", "inputs", 0, "data"), "value_error");
    assertThat(api.get("/flows?limit=100").json().get("flows").size()).isEqualTo(before);

    String created =
        api.post("/flows", "{\"template\":\"model_optimize\"}").json().get("flow_id").asText();
    Response eightByteGlb =
        api.post(
            "/flows/" + created + "/inputs",
            Map.of("data", "data:model/gltf-binary;base64,Z2xURgIAAAA="));
    assertProblem(eightByteGlb, List.of("body", "data"), "value_error");
    assertThat(eightByteGlb.json().at("/detail/0/msg").asText()).contains("at least 20 bytes");
    assertThat(api.get("/flows/" + created + "/inputs").json().get("inputs")).isEmpty();
  }

  @Test
  void unknownActionsAndBadQueryParameters_are422() {
    assertProblem(
        api.patch("/flows/" + flowId, "{\"action\":\"pause\"}"),
        List.of("body", "action"),
        "literal_error");
    assertProblem(api.patch("/flows/" + flowId, "{}"), List.of("body", "action"), "missing");
    assertProblem(
        api.patch("/flows/" + flowId, "{\"action\":1}"), List.of("body", "action"), "string_type");
    assertProblem(api.get("/flows?sort_by=name"), List.of("query", "sort_by"), "enum");
    assertProblem(api.get("/flows?order=up"), List.of("query", "order"), "enum");
    assertProblem(api.get("/flows?limit=0"), List.of("query", "limit"), "value_error");
    assertProblem(api.get("/flows?limit=ten"), List.of("query", "limit"), "int_parsing");
    assertProblem(api.get("/flows?filter_by=runing"), List.of("query", "filter_by"), "value_error");
    assertProblem(api.get("/flows?cursor=garbage"), List.of("query", "cursor"), "value_error");
    assertProblem(
        api.get("/flows/" + flowId + "/inputs?include_data=maybe"),
        List.of("query", "include_data"),
        "bool_parsing");
    assertProblem(api.get("/flows/%20"), List.of("path", "flow_id"), "value_error");

    Response several = api.get("/flows?sort_by=x&limit=-1&order=sideways");
    assertThat(locations(several))
        .containsExactly(
            List.of("query", "sort_by"), List.of("query", "order"), List.of("query", "limit"));
  }

  @Test
  void unsupportedMethods_are405() {
    for (String path :
        List.of("/flows", "/templates", "/flows/" + flowId, "/flows/" + flowId + "/outputs")) {
      Response response = api.send("PUT", path, "{}");
      assertThat(response.status()).as(path).isEqualTo(405);
      assertThat(response.json().get("detail").asText()).isEqualTo("Method Not Allowed");
    }
  }

  private static Response sendWithAuthorization(Endpoints.Call call, String header) {
    var request =
        java.net.http.HttpRequest.newBuilder(server.server.baseUri().resolve(call.path()))
            .method(
                call.method(),
                call.body() == null
                    ? java.net.http.HttpRequest.BodyPublishers.noBody()
                    : java.net.http.HttpRequest.BodyPublishers.ofString(call.body()));
    if (!header.isEmpty()) {
      request.header("Authorization", header);
    }
    return ApiClient.send(request.build());
  }

  private static void assertUnauthorized(Response response, String what) {
    assertThat(response.status()).as(what + ": " + response).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).as(what).hasValue("Bearer");
    assertThat(response.json().get("detail").asText()).as(what).isNotBlank();
  }

  private static void assertConflict(
      Response response, String flow, String state, String action, List<String> allowed) {
    assertThat(response.status()).as(response.body()).isEqualTo(409);
    assertThat(response.json().get("flow_id").asText()).isEqualTo(flow);
    assertThat(response.json().get("state").asText()).isEqualTo(state);
    assertThat(response.json().get("action").asText()).isEqualTo(action);
    assertThat(response.json().get("allowed_states"))
        .extracting(JsonNode::asText)
        .containsExactlyElementsOf(allowed);
    assertThat(response.json().get("detail").asText()).contains(state);
  }

  private static void assertProblem(Response response, List<Object> loc, String type) {
    assertThat(response.status()).as(response.body()).isEqualTo(422);
    JsonNode first = response.json().get("detail").get(0);
    assertThat(locations(response).getFirst()).as(response.body()).isEqualTo(loc);
    assertThat(first.get("type").asText()).as(response.body()).isEqualTo(type);
    assertThat(first.get("msg").asText()).isNotBlank();
  }

  private static List<List<Object>> locations(Response response) {
    List<List<Object>> all = new ArrayList<>();
    for (JsonNode item : response.json().get("detail")) {
      List<Object> loc = new ArrayList<>();
      item.get("loc").forEach(part -> loc.add(part.isInt() ? part.intValue() : part.asText()));
      all.add(
          loc.size() > 1
                  && loc.get(0).equals("body")
                  && "json_invalid".equals(item.get("type").asText())
              ? List.of("body")
              : loc);
    }
    return all;
  }
}
