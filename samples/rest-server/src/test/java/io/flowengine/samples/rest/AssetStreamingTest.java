package io.flowengine.samples.rest;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Asset content larger than the engine's in-memory limit ({@link
 * ApiTestServer#MAX_IN_MEMORY_BYTES}) comes back whole, byte for byte: the server streams it from
 * the store into the JSON response (holding it in memory would be refused by the engine).
 */
class AssetStreamingTest {
  private static final int SIZE_KIB = 8 * 1024;
  private static ApiTestServer server;
  private static ApiClient api;
  private static String flowId;
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
                    ApiTestServer.LARGE_OUTPUT,
                    "parameters",
                    Map.of("size_kib", SIZE_KIB),
                    "inputs",
                    List.of(Map.of("data", "big"))))
            .json()
            .get("flow_id")
            .asText();
    server.await(flowId);
    outputId = api.get("/flows/" + flowId + "/outputs").json().at("/outputs/0/id").asText();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aLargeOutput_isStreamedWhole() {
    Response output = api.get("/flows/" + flowId + "/outputs/" + outputId);

    assertThat(output.status()).isEqualTo(200);
    assertThat(output.json().get("size").asLong()).isEqualTo(SIZE_KIB * 1024L);
    assertPattern(WireAssets.decode(output.json().get("data").asText(), ApiTestServer.GLB));
  }

  @Test
  void listingOutputsWithData_streamsEachOfThem() {
    Response outputs = api.get("/flows/" + flowId + "/outputs?include_data=true");

    assertThat(outputs.status()).isEqualTo(200);
    assertThat(outputs.json().get("outputs")).hasSize(1);
    assertThat(outputs.json().at("/outputs/0/id").asText()).isEqualTo(outputId);
    assertPattern(
        WireAssets.decode(outputs.json().at("/outputs/0/data").asText(), ApiTestServer.GLB));
  }

  @Test
  void anUploadLargerThanTheInMemoryLimit_roundTrips() {
    byte[] model = glbOf(200 * 1024);
    String created =
        api.post("/flows", "{\"template\":\"model_optimize\"}").json().get("flow_id").asText();
    Response input =
        api.post(
            "/flows/" + created + "/inputs",
            Map.of("data", WireAssets.dataUri(ApiTestServer.GLB, model)));
    assertThat(input.status()).as(input.body()).isEqualTo(200);
    assertThat(input.json().get("size").asInt()).isEqualTo(model.length);

    Response fetched = api.get("/flows/" + created + "/inputs/" + input.json().get("id").asText());
    assertThat(WireAssets.decode(fetched.json().get("data").asText(), ApiTestServer.GLB))
        .isEqualTo(model);
  }

  /**
   * A GLB of exactly {@code size} bytes that passes model_optimize's upload check: a minimal JSON
   * chunk, then a BIN chunk of pattern bytes filling the rest.
   */
  private static byte[] glbOf(int size) {
    byte[] json = "{\"asset\":{\"version\":\"2.0\"}} ".getBytes(StandardCharsets.UTF_8);
    ByteBuffer glb = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    glb.putInt(0x46546C67).putInt(2).putInt(size); // "glTF", version 2, length
    glb.putInt(json.length).putInt(0x4E4F534A).put(json); // the JSON chunk, 4-aligned
    glb.putInt(size - glb.position() - 8).putInt(0x004E4942); // the BIN chunk
    for (int i = glb.position(); i < size; i++) {
      glb.put(ApiTestServer.PatternBytes.at(i));
    }
    return glb.array();
  }

  private static void assertPattern(byte[] content) {
    assertThat(content).hasSize(SIZE_KIB * 1024);
    for (int i = 0; i < content.length; i++) {
      if (content[i] != ApiTestServer.PatternBytes.at(i)) {
        throw new AssertionError("byte " + i + " differs");
      }
    }
  }
}
