package io.flowengine.samples.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowengine.samples.rest.ApiClient.Response;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Beyond the reference, over HTTP: the {@code Idempotency-Key} header on {@code POST /flows}, the
 * history endpoint, {@code start_at} on create and start, and the new flow fields.
 */
class SemanticsOverRestTest {
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

  private static Response postWithKey(String key, Object body) {
    HttpRequest request =
        HttpRequest.newBuilder(server.server.baseUri().resolve("/flows"))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + server.keyA)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofString(ApiClient.write(body)))
            .build();
    return ApiClient.send(request);
  }

  private static Map<String, Object> prompt(String text) {
    return Map.of(
        "template", "model_generate_fromprompt",
        "parameters", Map.of("quality", "low"),
        "inputs", List.of(Map.of("data", text)));
  }

  @Test
  void idempotencyKey_repeatReturnsTheFirstFlow_andADifferentRequestIs409() {
    Response first = postWithKey("order-7", prompt("a red chair"));
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
    String flowId = first.json().get("flow_id").asText();

    Response again = postWithKey("order-7", prompt("a red chair"));
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(again.json().get("flow_id").asText()).isEqualTo(flowId);
    assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");

    Response conflict = postWithKey("order-7", prompt("a blue chair"));
    assertThat(conflict.status()).as(conflict.body()).isEqualTo(409);
    assertThat(conflict.json().get("detail").asText()).contains("order-7").contains(flowId);

    Response malformed = postWithKey("has space", prompt("x"));
    assertThat(malformed.status()).as(malformed.body()).isEqualTo(422);
  }

  @Test
  void history_listsEveryChange_andTheFlowCarriesItsAttempt() {
    Response created = api.post("/flows", prompt("a lamp"));
    String flowId = created.json().get("flow_id").asText();
    server.await(flowId);

    Response flow = api.get("/flows/" + flowId);
    assertThat(flow.json().get("attempt").asInt()).isEqualTo(1);
    assertThat(flow.json().get("last_error").isNull()).isTrue();
    assertThat(flow.json().get("start_at").isNull()).isTrue();
    assertThat(flow.json().get("next_attempt_at").isNull()).isTrue();

    Response history = api.get("/flows/" + flowId + "/history");
    assertThat(history.status()).as(history.body()).isEqualTo(200);
    assertThat(history.json().get("flow_id").asText()).isEqualTo(flowId);
    assertThat(history.json().get("dropped").asLong()).isZero();
    List<String> path = new ArrayList<>();
    for (JsonNode change : history.json().get("transitions")) {
      path.add(change.get("from").isNull() ? "-" : change.get("from").asText());
      path.add(change.get("to").asText());
    }
    assertThat(path)
        .containsExactly("-", "starting", "starting", "running", "running", "completed");
    assertThat(api.get("/flows/ffffffffffffffffffffffff/history").status()).isEqualTo(404);
    assertThat(server.bob().get("/flows/" + flowId + "/history").status()).isEqualTo(404);
  }

  @Test
  void startAt_onCreateAndOnStart_keepsTheFlowStarting_andAbortEndsIt() {
    String later =
        server
            .clock
            .instant()
            .plus(Duration.ofHours(1))
            .truncatedTo(java.time.temporal.ChronoUnit.MICROS)
            .toString();
    Map<String, Object> body = new java.util.HashMap<>(prompt("a desk"));
    body.put("start_at", later);
    Response created = api.post("/flows", body);
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    assertThat(created.json().get("state").asText()).isEqualTo("starting");
    assertThat(created.json().get("start_at").asText()).isEqualTo(later);
    String flowId = created.json().get("flow_id").asText();
    Response aborted = api.patch("/flows/" + flowId, "{\"action\":\"abort\"}");
    assertThat(aborted.json().get("state").asText()).isEqualTo("aborted");

    Response plain = api.post("/flows", Map.of("template", "model_generate_fromprompt"));
    String createdId = plain.json().get("flow_id").asText();
    Response started =
        api.patch("/flows/" + createdId, "{\"action\":\"start\",\"start_at\":\"" + later + "\"}");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    assertThat(started.json().get("start_at").asText()).isEqualTo(later);
    Response bad = api.patch("/flows/" + createdId, "{\"action\":\"start\",\"start_at\":\"soon\"}");
    assertThat(bad.status()).as(bad.body()).isEqualTo(422);
    api.patch("/flows/" + createdId, "{\"action\":\"abort\"}");
  }
}
