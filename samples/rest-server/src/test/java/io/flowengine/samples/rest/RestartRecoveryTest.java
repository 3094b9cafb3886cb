package io.flowengine.samples.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.FlowEngine;
import io.flowengine.Step;
import io.flowengine.Template;
import io.flowengine.h2.H2Storage;
import io.flowengine.samples.SampleTemplates;
import io.flowengine.samples.rest.ApiClient.Response;
import io.flowengine.testing.BlockingStep;
import io.flowengine.testing.Steps;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stop and a start on the same data directory (H2), in the order the process uses: the API key
 * printed at first start still works and no new one is made, finished flows and their GLBs are
 * still served, and a flow the stop interrupted while running runs again to completion.
 */
class RestartRecoveryTest {
  private static final String SLOW = "slow_model";

  @Test
  void aRestart_keepsKeyAndFlows_andRecoversTheFlowLeftRunning(@TempDir Path data)
      throws Exception {
    BlockingStep blocking = Steps.blocking();
    String key;
    String finished;
    String interrupted;
    FlowEngine first = engine(data, blocking);
    FlowsApiServer firstServer = FlowsApiServer.builder(first).port(0).start();
    try {
      key = ApiKeyBootstrap.ensureKey(first, Instant.now(), false).orElseThrow().secret();
      ApiClient api = new ApiClient(firstServer.baseUri(), key);
      finished =
          api.post(
                  "/flows",
                  Map.of(
                      "template",
                      "model_generate_fromprompt",
                      "inputs",
                      List.of(Map.of("data", "Hi"))))
              .json()
              .get("flow_id")
              .asText();
      first.awaitFlow(finished).get(60, TimeUnit.SECONDS);
      interrupted =
          api.post("/flows", Map.of("template", SLOW, "inputs", List.of(Map.of("data", "slow"))))
              .json()
              .get("flow_id")
              .asText();
      blocking.awaitEntered(Duration.ofSeconds(30));
    } finally {
      RestServerMain.stop(firstServer, first);
    }

    Step quick =
        context ->
            context.writeOutput(
                SampleTemplates.GLB,
                java.util.Base64.getDecoder().decode(TINY_GLB),
                context.inputs().getFirst());
    try (FlowEngine second = engine(data, quick);
        FlowsApiServer secondServer = FlowsApiServer.builder(second).port(0).start()) {
      assertThat(ApiKeyBootstrap.ensureKey(second, Instant.now(), false)).isEmpty();
      ApiClient api = new ApiClient(secondServer.baseUri(), key);
      assertThat(api.get("/flows").json().get("flows")).hasSize(2);
      String outputId =
          api.get("/flows/" + finished + "/outputs").json().at("/outputs/0/id").asText();
      Response glb = api.get("/flows/" + finished + "/outputs/" + outputId);
      assertThat(
              WireAssets.isGlb(
                  WireAssets.decode(glb.json().get("data").asText(), SampleTemplates.GLB)))
          .isTrue();

      second.awaitFlow(interrupted).get(60, TimeUnit.SECONDS);
      Response recovered = api.get("/flows/" + interrupted);
      assertThat(recovered.json().get("state").asText())
          .as(recovered.body())
          .isEqualTo("completed");
      assertThat(api.get("/flows/" + interrupted + "/outputs").json().get("outputs")).hasSize(1);
    }
  }

  private static FlowEngine engine(Path data, Step slowStep) {
    FlowEngine.Builder builder =
        FlowEngine.builder()
            .storage(H2Storage.open(data))
            .template(
                Template.builder(SLOW)
                    .inputTypes("text/plain")
                    .outputTypes(SampleTemplates.GLB)
                    .step(slowStep)
                    .build());
    ServerEngine.templates().forEach(builder::template);
    return builder.build();
  }

  /** A valid one-triangle GLB, for the recovered flow's output. */
  private static final String TINY_GLB =
      "Z2xURgIAAACAAQAAQAEAAEpTT057ImFzc2V0Ijp7InZlcnNpb24iOiIyLjAifSwic2NlbmUiOjAsInNjZW5lcyI6"
          + "W3sibm9kZXMiOlswXX1dLCJub2RlcyI6W3sibWVzaCI6MH1dLCJtZXNoZXMiOlt7InByaW1pdGl2ZXMiOlt7ImF0"
          + "dHJpYnV0ZXMiOnsiUE9TSVRJT04iOjB9fV19XSwiYnVmZmVycyI6W3siYnl0ZUxlbmd0aCI6MzZ9XSwiYnVmZmVy"
          + "Vmlld3MiOlt7ImJ1ZmZlciI6MCwiYnl0ZUxlbmd0aCI6MzZ9XSwiYWNjZXNzb3JzIjpbeyJidWZmZXJWaWV3Ijow"
          + "LCJjb21wb25lbnRUeXBlIjo1MTI2LCJjb3VudCI6MywidHlwZSI6IlZFQzMiLCJtaW4iOlswLDAsMF0sIm1heCI6"
          + "WzEsMSwwXX1dfSQAAABCSU4AAAAAAAAAAAAAAAAAAACAPwAAAAAAAAAAAAAAAAAAgD8AAAAA";
}
