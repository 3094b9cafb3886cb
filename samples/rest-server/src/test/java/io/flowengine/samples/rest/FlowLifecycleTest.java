package io.flowengine.samples.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowengine.samples.rest.ApiClient.Response;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole lifecycle of a flow of each reference template, over HTTP, as a client of the hosted
 * service drives it: create, (upload, start,) wait, list and download outputs, delete.
 */
class FlowLifecycleTest {
  private static ApiTestServer server;
  private static ApiClient api;

  @BeforeAll
  static void start() {
    server = ApiTestServer.start();
    api = server.alice();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void templates_areListedWithParametersAndMediaTypes_andFoundByIdOrName() {
    Response list = api.get("/templates");

    assertThat(list.status()).isEqualTo(200);
    JsonNode prompt = null;
    for (JsonNode template : list.json().get("templates")) {
      if (template.get("name").asText().equals("model_generate_fromprompt")) {
        prompt = template;
      }
    }
    assertThat(prompt).as(list.body()).isNotNull();
    assertThat(prompt.get("input_types"))
        .extracting(JsonNode::asText)
        .containsExactly("prompt", "text/plain");
    assertThat(prompt.get("output_types").get(0).asText()).isEqualTo("model/gltf-binary");
    assertThat(prompt.at("/parameters/quality/default").asText()).isEqualTo("high");
    assertThat(prompt.at("/parameters/seed/type").asText()).isEqualTo("integer");
    assertThat(prompt.at("/parameters/seed/default").asLong()).isEqualTo(-1);
    assertThat(prompt.at("/parameters/texture/default").asBoolean()).isTrue();

    String id = prompt.get("id").asText();
    assertThat(api.get("/templates/" + id).json().get("name").asText())
        .isEqualTo("model_generate_fromprompt");
    assertThat(
            api.get("/templates/model_optimize")
                .json()
                .at("/parameters/polygon_count/default")
                .asLong())
        .isEqualTo(100_000);
  }

  @Test
  void fromPrompt_createdWithInputs_startsAtOnce_andServesItsGlb() {
    Response created =
        api.post(
            "/flows",
            Map.of(
                "template", "model_generate_fromprompt",
                "parameters", Map.of("seed", 7, "quality", "low"),
                "additional", Map.of("order", 42, "tags", List.of("a", "b")),
                "inputs", List.of(Map.of("data", "a red chair", "additional", Map.of("n", 1)))));

    assertThat(created.status()).as(created.body()).isEqualTo(200);
    String flowId = created.json().get("flow_id").asText();
    assertThat(flowId).matches("[0-9a-f]{24}");
    assertThat(created.json().get("state").asText()).isIn("starting", "running", "completed");
    assertThat(created.json().get("progress").isDouble()).isTrue();
    assertThat(created.json().get("parameters").get("seed").asLong()).isEqualTo(7);
    assertThat(created.json().get("parameters").get("texture").asBoolean()).isTrue();
    server.await(flowId);

    Response flow = api.get("/flows/" + flowId);
    assertThat(flow.json().get("state").asText()).isEqualTo("completed");
    assertThat(flow.json().get("progress").isDouble()).isTrue();
    assertThat(flow.json().get("progress").doubleValue()).isEqualTo(1.0);
    assertThat(flow.body()).contains("\"progress\":1.0");
    assertThat(flow.json().get("template").asText()).isEqualTo("model_generate_fromprompt");
    assertThat(flow.json().get("finished_at").asText()).isNotEmpty();
    assertThat(flow.json().get("additional"))
        .isEqualTo(ApiClient.JSON.valueToTree(Map.of("order", 42, "tags", List.of("a", "b"))));

    Response inputs = api.get("/flows/" + flowId + "/inputs");
    JsonNode input = inputs.json().get("inputs").get(0);
    assertThat(input.has("data")).isFalse();
    assertThat(input.get("processed").asBoolean()).isTrue();
    assertThat(input.get("media_type").asText()).isEqualTo("text/plain");
    String inputId = input.get("asset_id").asText();
    assertThat(input.get("id").asText()).isEqualTo(inputId);
    String prompt =
        api.get("/flows/" + flowId + "/inputs?include_data=true")
            .json()
            .at("/inputs/0/data")
            .asText();
    assertThat(new String(WireAssets.decode(prompt, "text/plain"), StandardCharsets.UTF_8))
        .isEqualTo("a red chair");
    assertThat(api.get("/flows/" + flowId + "/inputs/" + inputId).json().get("data").asText())
        .isEqualTo(prompt);

    Response outputs = api.get("/flows/" + flowId + "/outputs");
    assertThat(outputs.status()).isEqualTo(200);
    assertThat(outputs.json().get("flow_id").asText()).isEqualTo(flowId);
    JsonNode output = outputs.json().get("outputs").get(0);
    assertThat(output.get("status").asText()).isEqualTo("ready");
    assertThat(output.get("id").asText()).isEqualTo(output.get("asset_id").asText());
    assertThat(output.get("additional")).isEqualTo(ApiClient.JSON.valueToTree(Map.of("n", 1)));
    assertThat(output.get("derived_from").asText()).isEqualTo(inputId);
    byte[] glb = downloadGlb(flowId, output.get("id").asText());
    assertThat(glb).hasSize(output.get("size").asInt());
  }

  @Test
  void fromImage_createdEmpty_takesAnUploadedImage_andRunsWhenStarted() {
    Response created = api.post("/flows", "{\"template\":\"model_generate_fromimage\"}");
    String flowId = created.json().get("flow_id").asText();
    assertThat(created.json().get("state").asText()).isEqualTo("created");
    assertThat(created.json().get("started_at").isNull()).isTrue();

    Response uploaded =
        api.post(
            "/flows/" + flowId + "/inputs",
            Map.of(
                "data",
                WireAssets.dataUri("image/png", WireAssets.png()),
                "additional",
                Map.of("file", "gradient.png")));
    assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
    assertThat(uploaded.json().get("status").asText()).isEqualTo("available");
    assertThat(uploaded.json().get("media_type").asText()).isEqualTo("image/png");
    assertThat(api.get("/flows/" + flowId + "/inputs").json().get("inputs")).hasSize(1);

    Response started = api.patch("/flows/" + flowId, "{\"action\":\"start\"}");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    assertThat(started.json().get("state").asText()).isIn("starting", "running", "completed");
    server.await(flowId);

    assertThat(api.get("/flows/" + flowId).json().get("state").asText()).isEqualTo("completed");
    JsonNode output = api.get("/flows/" + flowId + "/outputs").json().at("/outputs/0");
    assertThat(output.get("additional").get("file").asText()).isEqualTo("gradient.png");
    downloadGlb(flowId, output.get("asset_id").asText());
  }

  @Test
  void optimize_takesTheGlbOfAnImageFlow_asTheReferenceChainsThem() {
    String imageFlow =
        createAndAwait(
            "model_generate_fromimage",
            Map.of(),
            WireAssets.dataUri("image/png", WireAssets.png()));
    String outputId =
        api.get("/flows/" + imageFlow + "/outputs").json().at("/outputs/0/id").asText();
    byte[] model = downloadGlb(imageFlow, outputId);

    String optimized =
        createAndAwait(
            "model_optimize",
            Map.of("polygon_count", 500),
            WireAssets.dataUri("model/gltf-binary", model));

    Response flow = api.get("/flows/" + optimized);
    assertThat(flow.json().get("state").asText()).as(flow.body()).isEqualTo("completed");
    assertThat(flow.json().at("/parameters/polygon_count").asLong()).isEqualTo(500);
    JsonNode outputs = api.get("/flows/" + optimized + "/outputs").json().get("outputs");
    assertThat(outputs).hasSize(1);
    downloadGlb(optimized, outputs.get(0).get("id").asText());
  }

  @Test
  void abort_stopsARunningFlow_whoseOutputsStayReadable() {
    ApiTestServer.Blocking blocking = server.blockingTemplate();
    String flowId =
        api.post(
                "/flows",
                Map.of("template", blocking.name(), "inputs", List.of(Map.of("data", "wait"))))
            .json()
            .get("flow_id")
            .asText();
    blocking.awaitRunning();
    assertThat(api.get("/flows/" + flowId).json().get("state").asText()).isEqualTo("running");

    Response aborted = api.patch("/flows/" + flowId, "{\"action\":\"abort\"}");

    assertThat(aborted.status()).as(aborted.body()).isEqualTo(200);
    assertThat(aborted.json().get("state").asText()).isIn("aborting", "aborted");
    server.await(flowId);
    assertThat(api.get("/flows/" + flowId).json().get("state").asText()).isEqualTo("aborted");
    Response outputs = api.get("/flows/" + flowId + "/outputs");
    assertThat(outputs.status()).isEqualTo(200);
    assertThat(outputs.json().get("outputs")).isEmpty();
  }

  @Test
  void failedFlow_reportsItsError_andItsInputAsInError() {
    String flowId =
        createAndAwait(
            "model_optimize",
            Map.of(),
            WireAssets.dataUri("model/gltf-binary", glbWithAMissingAccessor()));

    Response flow = api.get("/flows/" + flowId);
    assertThat(flow.json().get("state").asText()).isEqualTo("failed");
    assertThat(flow.json().get("error").asText()).isNotBlank();
    assertThat(flow.json().get("progress").doubleValue()).isLessThan(1.0);
    assertThat(api.get("/flows/" + flowId + "/inputs").json().at("/inputs/0/status").asText())
        .isEqualTo("error");
    assertThat(api.get("/flows/" + flowId + "/outputs").status()).isEqualTo(200);
  }

  /** A GLB whose container and JSON are valid (the upload check passes) but that names no data. */
  static byte[] glbWithAMissingAccessor() {
    byte[] json =
        "{\"asset\":{\"version\":\"2.0\"},\"meshes\":[{\"primitives\":[{\"attributes\":{\"POSITION\":0}}]}]}"
            .getBytes(StandardCharsets.UTF_8);
    int padded = (json.length + 3) & ~3;
    ByteBuffer glb = ByteBuffer.allocate(20 + padded).order(ByteOrder.LITTLE_ENDIAN);
    glb.putInt(0x46546C67).putInt(2).putInt(20 + padded); // "glTF", version 2, length
    glb.putInt(padded).putInt(0x4E4F534A).put(json); // the JSON chunk
    while (glb.hasRemaining()) {
      glb.put((byte) ' ');
    }
    return glb.array();
  }

  @Test
  void delete_removesAFinishedFlowWithItsAssets() {
    String flowId = createAndAwait("model_generate_fromprompt", Map.of(), "a lamp");
    String outputId = api.get("/flows/" + flowId + "/outputs").json().at("/outputs/0/id").asText();

    Response deleted = api.delete("/flows/" + flowId);

    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.json().get("flow_id").asText()).isEqualTo(flowId);
    assertThat(api.get("/flows/" + flowId).status()).isEqualTo(404);
    assertThat(api.get("/flows/" + flowId + "/inputs").status()).isEqualTo(404);
    assertThat(api.get("/flows/" + flowId + "/outputs/" + outputId).status()).isEqualTo(404);
    assertThat(api.delete("/flows/" + flowId).status()).isEqualTo(404);
  }

  private String createAndAwait(String template, Map<String, Object> parameters, String data) {
    Response created =
        api.post(
            "/flows",
            Map.of(
                "template",
                template,
                "parameters",
                parameters,
                "inputs",
                List.of(Map.of("data", data))));
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    String flowId = created.json().get("flow_id").asText();
    server.await(flowId);
    return flowId;
  }

  private byte[] downloadGlb(String flowId, String outputId) {
    Response output = api.get("/flows/" + flowId + "/outputs/" + outputId);
    assertThat(output.status()).as(output.body()).isEqualTo(200);
    byte[] glb = WireAssets.decode(output.json().get("data").asText(), "model/gltf-binary");
    assertThat(WireAssets.isGlb(glb)).as("glTF magic").isTrue();
    return glb;
  }
}
