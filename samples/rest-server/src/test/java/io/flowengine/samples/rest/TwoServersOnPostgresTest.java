package io.flowengine.samples.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowengine.Flow;
import io.flowengine.FlowEngine;
import io.flowengine.FlowState;
import io.flowengine.Template;
import io.flowengine.postgres.harness.PostgresExtension;
import io.flowengine.postgres.harness.TestDatabase;
import io.flowengine.samples.rest.ApiClient.Response;
import io.flowengine.spi.EngineStorage;
import io.flowengine.testing.BlockingStep;
import io.flowengine.testing.ReferenceTemplates;
import io.flowengine.testing.Steps;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two REST servers started with {@code --postgres} on one database (each its own engine and {@link
 * io.flowengine.postgres.PostgresStorage} in cluster mode, on its own loopback port) serve the same
 * flows and API keys: what one creates, the other reads, lists, aborts and downloads. Skipped
 * without PostgreSQL, failed then under {@code -Dflowengine.postgres.required=true}.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class TwoServersOnPostgresTest {
  private static final String BLOCKING = "blocking_cluster";

  private final TestDatabase database;
  private final BlockingStep blocking = Steps.blocking();
  private final List<Node> nodes = new ArrayList<>();

  TwoServersOnPostgresTest(TestDatabase database) {
    this.database = database;
  }

  /** A server and its engine, both closed at the end of the test. */
  private record Node(FlowEngine engine, FlowsApiServer server, String storage) {
    ApiClient client(String key) {
      return new ApiClient(server.baseUri(), key);
    }

    Flow await(String flowId) throws Exception {
      return engine.awaitFlow(flowId).get(60, TimeUnit.SECONDS);
    }
  }

  @AfterEach
  void stop() {
    for (Node node : nodes) {
      RestServerMain.stop(node.server(), node.engine());
    }
  }

  /** Starts a server as its command line {@code --postgres URL ...} would, on a free port. */
  private Node start(String url, String nodeId) {
    List<String> args =
        new ArrayList<>(List.of("--port", "0", "--postgres", url, "--node-id", nodeId));
    if (database.user() != null) {
      args.addAll(List.of("--postgres-user", database.user()));
    }
    if (database.password() != null) {
      args.addAll(List.of("--postgres-password", database.password()));
    }
    ServerOptions options = ServerOptions.parse(Map.of(), args.toArray(String[]::new));
    ServerMetrics metrics = ServerMetrics.create();
    EngineStorage storage = ServerEngine.openStorage(options, metrics);
    FlowEngine engine =
        ServerEngine.configure(options, metrics, storage)
            .template(
                Template.builder(BLOCKING)
                    .inputTypes("text/plain")
                    .outputTypes(ReferenceTemplates.GLB)
                    .step(blocking)
                    .build())
            .build();
    FlowsApiServer server =
        FlowsApiServer.builder(engine).port(0).maxBodyBytes(options.maxBodyBytes()).start();
    Node node = new Node(engine, server, ServerEngine.describeStorage(options, storage));
    nodes.add(node);
    return node;
  }

  @Test
  void flowsAndKeysOfOneServer_areServedByTheOther() throws Exception {
    String url = database.newSchema();
    Node a = start(url, "server-a");
    Node b = start(url, "server-b");
    assertThat(a.storage()).contains("node server-a").contains("cluster mode");

    String key = ApiKeyBootstrap.ensureKey(a.engine(), Instant.now(), false).orElseThrow().secret();
    assertThat(ApiKeyBootstrap.ensureKey(b.engine(), Instant.now(), false))
        .as("B sees the key A created, so it makes none")
        .isEmpty();
    ApiClient onA = a.client(key);
    ApiClient onB = b.client(key);
    assertThat(onB.get("/templates").status()).isEqualTo(200);
    assertThat(b.client("not-a-key").get("/templates").status()).isEqualTo(401);

    Response created =
        onA.post(
            "/flows",
            Map.of(
                "template", "model_generate_fromprompt",
                "parameters", Map.of("seed", 3, "quality", "low"),
                "inputs", List.of(Map.of("data", "a blue lamp"))));
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    String done = created.json().get("flow_id").asText();
    assertThat(b.await(done).state()).isEqualTo(FlowState.COMPLETED);

    Response onBFlow = onB.get("/flows/" + done);
    assertThat(onBFlow.status()).as(onBFlow.body()).isEqualTo(200);
    assertThat(onBFlow.json().get("state").asText()).isEqualTo("completed");
    assertThat(onBFlow.json().at("/parameters/seed").asLong()).isEqualTo(3);
    JsonNode output = onB.get("/flows/" + done + "/outputs").json().at("/outputs/0");
    assertThat(output.get("status").asText()).isEqualTo("ready");
    Response download = onB.get("/flows/" + done + "/outputs/" + output.get("id").asText());
    assertThat(download.status()).as(download.body()).isEqualTo(200);
    byte[] glb = WireAssets.decode(download.json().get("data").asText(), ReferenceTemplates.GLB);
    assertThat(WireAssets.isGlb(glb)).as("glTF magic").isTrue();
    assertThat(glb).hasSize(output.get("size").asInt());

    Response waiting =
        onA.post("/flows", Map.of("template", BLOCKING, "inputs", List.of(Map.of("data", "wait"))));
    String running = waiting.json().get("flow_id").asText();
    blocking.awaitEntered(Duration.ofSeconds(30));
    assertThat(onB.get("/flows/" + running).json().get("state").asText())
        .as("the step runs; its dispatch to running is stored without being waited for")
        .isIn("starting", "running");
    List<String> listed = new ArrayList<>();
    onB.get("/flows").json().get("flows").forEach(f -> listed.add(f.get("flow_id").asText()));
    assertThat(listed).contains(done, running);

    Response aborted = onB.patch("/flows/" + running, "{\"action\":\"abort\"}");
    assertThat(aborted.status()).as(aborted.body()).isEqualTo(200);
    assertThat(a.await(running).state()).isEqualTo(FlowState.ABORTED); // A hears B's abort
    assertThat(onA.get("/flows/" + running).json().get("state").asText()).isEqualTo("aborted");
  }
}
