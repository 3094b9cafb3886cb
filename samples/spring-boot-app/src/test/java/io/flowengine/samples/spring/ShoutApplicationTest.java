package io.flowengine.samples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.FlowEngine;
import io.flowengine.FlowState;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on a random loopback port, with the application.properties it ships (H2
 * moved to a temporary directory): a flow created through the endpoint completes.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "server.address=127.0.0.1")
@ExtendWith(OutputCaptureExtension.class)
class ShoutApplicationTest {
  private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

  @TempDir static Path data;

  @DynamicPropertySource
  static void storage(DynamicPropertyRegistry registry) {
    registry.add("flowengine.storage.h2.directory", () -> data.toString());
  }

  @LocalServerPort int port;
  @Autowired FlowEngine engine;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aFlowCreatedThroughTheEndpointCompletes(CapturedOutput output) throws Exception {
    HttpResponse<String> created =
        http.send(
            HttpRequest.newBuilder(uri("/shouts"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello, boot"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).isEqualTo(201);
    Matcher id = ID.matcher(created.body());
    assertThat(id.find()).as(created.body()).isTrue();
    String flowId = id.group(1);
    assertThat(created.headers().firstValue("Location")).hasValue("/shouts/" + flowId);

    // Wait on the flow itself, then read it back through the API.
    assertThat(engine.awaitFlow(flowId).get(30, TimeUnit.SECONDS).state())
        .isEqualTo(FlowState.COMPLETED);
    HttpResponse<String> read = get("/shouts/" + flowId);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.body())
        .contains("\"state\":\"completed\"")
        .contains("\"progress\":1.0")
        .contains("\"output\":\"HELLO, BOOT\"");

    // The step's log line carries the engine's MDC keys, as the pattern in application.properties
    // prints them.
    assertThat(output.getOut())
        .contains("flow=" + flowId + " template=shout account= - shouting 11 characters");
  }

  @Test
  void anUnknownFlowIs404AndHealthShowsTheEngine() throws Exception {
    assertThat(get("/shouts/no-such-flow").statusCode()).isEqualTo(404);
    HttpResponse<String> health = get("/actuator/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body())
        .contains(
            "\"flowengine\":{\"details\":{\"storage\":\"UP\",\"runningFlows\":0,\"queuedFlows\":0},\"status\":\"UP\"}")
        .contains("\"status\":\"UP\"");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
