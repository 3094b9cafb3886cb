package io.flowengine.samples.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Closing the server while a client is still downloading a large output: the download finishes
 * whole, the server then stops accepting connections, and the engine stays open (the process closes
 * it after the server, leaving running flows to recovery).
 */
class GracefulShutdownTest {
  private static final int SIZE_KIB = 32 * 1024;

  @Test
  void close_letsARequestInFlightFinish_thenRefusesConnections() throws Exception {
    try (ApiTestServer server = ApiTestServer.start()) {
      ApiClient api = server.alice();
      String flowId =
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
      String outputId =
          api.get("/flows/" + flowId + "/outputs").json().at("/outputs/0/id").asText();

      HttpResponse<InputStream> download =
          ApiClient.http()
              .send(
                  HttpRequest.newBuilder(
                          server
                              .server
                              .baseUri()
                              .resolve("/flows/" + flowId + "/outputs/" + outputId))
                      .header("Authorization", "Bearer " + server.keyA)
                      .build(),
                  HttpResponse.BodyHandlers.ofInputStream());
      assertThat(download.statusCode()).isEqualTo(200);
      InputStream body = download.body();
      byte[] start = body.readNBytes(64 * 1024);

      CountDownLatch closing = new CountDownLatch(1);
      CompletableFuture<Void> closed =
          CompletableFuture.runAsync(
              () -> {
                closing.countDown();
                server.server.close();
              });
      assertThat(closing.await(10, TimeUnit.SECONDS)).isTrue();
      byte[] rest = body.readAllBytes();
      closed.get(30, TimeUnit.SECONDS);

      String json =
          new String(start, StandardCharsets.US_ASCII)
              + new String(rest, StandardCharsets.US_ASCII);
      JsonNode output = ApiClient.JSON.readTree(json);
      byte[] content = WireAssets.decode(output.get("data").asText(), ApiTestServer.GLB);
      assertThat(content).hasSize(SIZE_KIB * 1024);
      assertThat(content[content.length - 1])
          .isEqualTo(ApiTestServer.PatternBytes.at(content.length - 1));

      assertThat(server.server.isRunning()).isFalse();
      assertThatThrownBy(() -> api.get("/flows"))
          .isInstanceOf(UncheckedIOException.class)
          .hasCauseInstanceOf(ConnectException.class);
      assertThat(server.engine.getFlow(flowId).state().wireName()).isEqualTo("completed");
    }
  }
}
