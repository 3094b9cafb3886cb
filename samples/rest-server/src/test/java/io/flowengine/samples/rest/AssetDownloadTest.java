package io.flowengine.samples.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.Flow;
import io.flowengine.FlowState;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code GET /flows/{id}/outputs/{asset}} and {@code .../inputs/{asset}} by {@code Accept}: the
 * asset's own media type (or its wildcard) streams the raw bytes with that {@code Content-Type}, a
 * file name, its size and hash; no {@code Accept}, {@code *}{@code /*} or JSON keep the JSON with
 * the data URI; anything else is a 406 in the API's error form.
 */
class AssetDownloadTest {
  private static ApiTestServer server;
  private static String flowId;
  private static String outputId;
  private static String inputId;

  @BeforeAll
  static void start() {
    server = ApiTestServer.start();
    ApiClient.Response created =
        server
            .alice()
            .post(
                "/flows",
                Map.of(
                    "template",
                    "model_generate_fromprompt",
                    "parameters",
                    Map.of("quality", "low"),
                    "inputs",
                    List.of(Map.of("data", WireAssets.dataUri("text/plain", "Bytes".getBytes())))));
    flowId = created.json().get("flow_id").asText();
    Flow done = server.await(flowId);
    assertThat(done.state()).isEqualTo(FlowState.COMPLETED);
    outputId = server.engine.listOutputs(flowId).getFirst().id();
    inputId = server.engine.listInputs(flowId).getFirst().id();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "model/gltf-binary",
        "model/*",
        "model/gltf-binary, application/json;q=0.5",
        "application/json;q=0.2, model/gltf-binary;q=0.9"
      })
  void output_withItsMediaTypeAccepted_isTheRawGlb(String accept) throws Exception {
    HttpResponse<byte[]> response = get("/flows/" + flowId + "/outputs/" + outputId, accept);
    byte[] expected = storedOutput();
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("model/gltf-binary");
    assertThat(response.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"" + outputId + ".glb\"");
    assertThat(response.headers().firstValue("Content-Length"))
        .hasValue(Long.toString(expected.length));
    assertThat(response.headers().firstValue("ETag"))
        .hasValue("\"" + HexFormat.of().formatHex(sha256(expected)) + "\"");
    assertThat(response.headers().firstValue("Vary")).hasValue("Accept");
    assertThat(response.body()).isEqualTo(expected);
    assertThat(WireAssets.isGlb(response.body())).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "*/*", "application/json", "application/*", "text/html, */*;q=0.1"})
  void output_byDefault_isJsonWithTheDataUri(String accept) throws Exception {
    HttpResponse<byte[]> response =
        get("/flows/" + flowId + "/outputs/" + outputId, accept.isEmpty() ? null : accept);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.headers().firstValue("Content-Disposition")).isEmpty();
    ApiClient.Response json =
        new ApiClient.Response(
            200,
            response.headers(),
            new String(response.body()),
            ApiClient.JSON.readTree(response.body()));
    assertThat(json.json().get("asset_id").asText()).isEqualTo(outputId);
    assertThat(WireAssets.decode(json.json().get("data").asText(), ApiTestServer.GLB))
        .isEqualTo(storedOutput());
  }

  @ParameterizedTest
  @ValueSource(strings = {"image/png", "text/plain", "application/octet-stream", "*/*;q=0"})
  void output_inAFormItDoesNotHave_is406(String accept) throws Exception {
    HttpResponse<byte[]> response = get("/flows/" + flowId + "/outputs/" + outputId, accept);
    assertThat(response.statusCode()).isEqualTo(406);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(ApiClient.JSON.readTree(response.body()).get("detail").asText())
        .contains("model/gltf-binary", "application/json");
  }

  @Test
  void input_withItsMediaTypeAccepted_isTheRawText() throws Exception {
    HttpResponse<byte[]> response = get("/flows/" + flowId + "/inputs/" + inputId, "text/plain");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain");
    assertThat(response.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"" + inputId + ".txt\"");
    assertThat(new String(response.body())).isEqualTo("Bytes");
  }

  @Test
  void rawDownload_stillChecksTheKeyAndTheFlow() throws Exception {
    assertThat(
            get("/flows/" + flowId + "/outputs/" + outputId, "model/gltf-binary", null)
                .statusCode())
        .isEqualTo(401);
    assertThat(
            get("/flows/" + flowId + "/outputs/" + outputId, "model/gltf-binary", server.keyB)
                .statusCode())
        .isEqualTo(404);
    assertThat(get("/flows/" + flowId + "/outputs/nope", "model/gltf-binary").statusCode())
        .isEqualTo(404);
  }

  private static HttpResponse<byte[]> get(String path, @Nullable String accept) throws Exception {
    return get(path, accept, server.keyA);
  }

  private static HttpResponse<byte[]> get(
      String path, @Nullable String accept, @Nullable String key) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.server.baseUri() + path))
            .timeout(Duration.ofSeconds(30));
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    if (accept != null) {
      request.header("Accept", accept);
    }
    return ApiClient.http().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** The output's bytes from the engine, read as a stream (they exceed its in-memory limit). */
  private static byte[] storedOutput() throws Exception {
    try (var in = server.engine.getOutput(flowId, outputId).openStream()) {
      return in.readAllBytes();
    }
  }

  private static byte[] sha256(byte[] bytes) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(bytes);
  }
}
