package io.flowengine.samples.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.Flow;
import io.flowengine.FlowEngine;
import io.flowengine.NewAsset;
import io.flowengine.NewFlow;
import io.flowengine.h2.H2Storage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /health} and {@code /metrics} on the server as {@code RestServerMain} wires it: the engine
 * of {@link ServerEngine} on H2, reporting to the registry {@code /metrics} serves.
 */
class HealthAndMetricsTest {
  @TempDir Path dir;

  @Test
  void healthIsUpThenDownOnceTheDatabaseIsGone_andMetricsAreInThePrometheusFormat()
      throws Exception {
    ServerMetrics metrics = ServerMetrics.create();
    ServerOptions options = ServerOptions.parse("--data-dir", dir.toString(), "--port", "0");
    try (FlowEngine engine = ServerEngine.build(options, metrics)) {
      metrics.bindLoad(engine);
      try (FlowsApiServer server =
          FlowsApiServer.builder(engine).port(0).metrics(metrics.registry()).start()) {
        ApiClient anonymous = new ApiClient(server.baseUri(), null);
        ApiClient.Response up = anonymous.get("/health");
        assertThat(up.status()).isEqualTo(200);
        assertThat(up.json().get("status").asText()).isEqualTo("UP");
        assertThat(up.json().get("queued_flows").asInt()).isZero();

        Flow flow =
            engine.createFlow(
                NewFlow.builder("model_generate_fromprompt")
                    .parameter("quality", "low")
                    .input(NewAsset.text("ok"))
                    .build());
        engine.awaitFlow(flow.id()).get(60, TimeUnit.SECONDS);
        ApiClient.Response scraped = anonymous.get("/metrics");
        assertThat(scraped.status()).isEqualTo(200);
        assertThat(scraped.headers().firstValue("Content-Type"))
            .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
        assertThat(scraped.body())
            .contains(
                "flowengine_flows_completed_total{outcome=\"completed\","
                    + "template=\"model_generate_fromprompt\"} 1.0")
            .contains(
                "flowengine_flows_creations_total{template=\"model_generate_fromprompt\"} 1.0")
            .contains("flowengine_flows_run_time_seconds_count")
            .contains("flowengine_storage_commit_time_seconds_count")
            .contains("flowengine_flows_running ")
            .containsPattern("flowengine_assets_output_bytes_total [1-9]");

        // Another connection in this JVM shuts the H2 database down under the engine.
        try (Connection sql =
                org.h2.Driver.load().connect(H2Storage.jdbcUrl(dir), new Properties());
            Statement statement = sql.createStatement()) {
          statement.execute("SHUTDOWN");
        }
        ApiClient.Response down = anonymous.get("/health");
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.json().get("status").asText()).isEqualTo("DOWN");
        assertThat(down.json().get("storage").asText()).isEqualTo("DOWN");
        assertThat(down.json().get("detail").asText()).isNotBlank();
      }
    }
  }
}
