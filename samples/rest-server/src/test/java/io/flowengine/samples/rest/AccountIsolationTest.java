package io.flowengine.samples.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowengine.samples.rest.ApiClient.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two accounts on one server: each sees only its own flows, and the other's flows, inputs and
 * outputs answer 404 on every endpoint, exactly as if they did not exist, and stay untouched.
 */
class AccountIsolationTest {
  private static ApiTestServer server;
  private static ApiClient alice;
  private static ApiClient bob;

  @BeforeAll
  static void start() {
    server = ApiTestServer.start();
    alice = server.alice();
    bob = server.bob();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void listings_showOnlyTheCallersFlows() {
    List<String> alicesFlows = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      alicesFlows.add(
          alice.post("/flows", "{\"template\":\"model_optimize\"}").json().get("flow_id").asText());
    }
    String bobsFlow =
        bob.post("/flows", "{\"template\":\"model_optimize\"}").json().get("flow_id").asText();

    assertThat(ids(alice.get("/flows?limit=1000")))
        .containsAll(alicesFlows)
        .doesNotContain(bobsFlow);
    assertThat(ids(bob.get("/flows?limit=1000")))
        .contains(bobsFlow)
        .doesNotContainAnyElementsOf(alicesFlows);
    assertThat(ids(bob.get("/flows?filter_by=created"))).doesNotContainAnyElementsOf(alicesFlows);
  }

  @Test
  void anotherAccountsFlow_is404OnEveryEndpoint_andStaysUntouched() {
    String flowId =
        alice
            .post(
                "/flows",
                Map.of(
                    "template",
                    "model_generate_fromprompt",
                    "inputs",
                    List.of(Map.of("data", "a secret chair"))))
            .json()
            .get("flow_id")
            .asText();
    server.await(flowId);
    String inputId = alice.get("/flows/" + flowId + "/inputs").json().at("/inputs/0/id").asText();
    String outputId =
        alice.get("/flows/" + flowId + "/outputs").json().at("/outputs/0/id").asText();
    Response unknown = bob.get("/flows/0123456789abcdef01234567");

    for (Endpoints.Call call : Endpoints.onFlow(flowId, inputId, outputId)) {
      Response response = bob.send(call.method(), call.path(), call.body());
      assertThat(response.status()).as(call + ": " + response).isEqualTo(404);
      assertThat(response.body()).doesNotContain("chair");
      assertThat(response.json().get("detail").asText())
          .isEqualTo(
              unknown.json().get("detail").asText().replace("0123456789abcdef01234567", flowId));
    }

    Response flow = alice.get("/flows/" + flowId);
    assertThat(flow.json().get("state").asText()).isEqualTo("completed");
    assertThat(alice.get("/flows/" + flowId + "/inputs").json().get("inputs")).hasSize(1);
    assertThat(alice.get("/flows/" + flowId + "/outputs/" + outputId).status()).isEqualTo(200);
  }

  @Test
  void aCreatedFlowOfAnotherAccount_cannotBeStartedFedOrDeleted() {
    String flowId =
        alice
            .post("/flows", "{\"template\":\"model_generate_fromprompt\"}")
            .json()
            .get("flow_id")
            .asText();

    assertThat(bob.post("/flows/" + flowId + "/inputs", "{\"data\":\"x\"}").status())
        .isEqualTo(404);
    assertThat(bob.patch("/flows/" + flowId, "{\"action\":\"start\"}").status()).isEqualTo(404);
    assertThat(bob.delete("/flows/" + flowId).status()).isEqualTo(404);

    Response flow = alice.get("/flows/" + flowId);
    assertThat(flow.json().get("state").asText()).isEqualTo("created");
    assertThat(alice.get("/flows/" + flowId + "/inputs").json().get("inputs")).isEmpty();
  }

  private static List<String> ids(Response listing) {
    assertThat(listing.status()).as(listing.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    for (JsonNode flow : listing.json().get("flows")) {
      ids.add(flow.get("flow_id").asText());
    }
    return ids;
  }
}
