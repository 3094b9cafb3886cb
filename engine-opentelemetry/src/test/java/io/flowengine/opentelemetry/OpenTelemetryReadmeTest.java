package io.flowengine.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.Flow;
import io.flowengine.FlowEngine;
import io.flowengine.NewAsset;
import io.flowengine.NewFlow;
import io.flowengine.Template;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's example runs, and the README shows exactly this code. */
class OpenTelemetryReadmeTest {
  @SuppressWarnings("try") // the scope only makes the request span current
  @Test
  void aFlowInTheRequestsTrace() {
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    try (OpenTelemetrySdk sdk =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                    .build())
            .build()) {
      OpenTelemetry openTelemetry = sdk;
      Template shout = Template.builder("shout").inputTypes("text/plain").step(ctx -> {}).build();
      // README:BEGIN
      FlowTracing tracing = FlowTracing.create(openTelemetry); // your SDK, or the agent's
      try (FlowEngine engine =
          FlowEngine.builder()
              .observer(tracing) // a span per flow run, a child span per step
              .contextPropagator(tracing) // in the trace of whoever created or started it
              .template(shout)
              .build()) {
        Span request = openTelemetry.getTracer("my-app").spanBuilder("request").startSpan();
        try (Scope scope = request.makeCurrent()) {
          Flow flow =
              engine.createFlow(NewFlow.builder("shout").input(NewAsset.text("hi")).build());
          engine.awaitFlow(flow.id()).join();
        } finally {
          request.end();
        }
      } // spans: request > flow shout > step 1/1
      // README:END
      assertThat(exporter.getFinishedSpanItems())
          .extracting(SpanData::getName)
          .containsExactlyInAnyOrder("request", "flow shout", "step 1/1");
    }
  }

  @Test
  void readmeShowsTheTestedCode() throws IOException {
    String source =
        Files.readString(
            Path.of("src/test/java/io/flowengine/opentelemetry/OpenTelemetryReadmeTest.java"));
    int from = source.indexOf("// README:BEGIN\n") + "// README:BEGIN\n".length();
    String snippet = source.substring(from, source.indexOf("// README:END", from));
    assertThat(normalize(Files.readString(Path.of("README.md")))).contains(normalize(snippet));
  }

  private static String normalize(String code) {
    StringBuilder out = new StringBuilder();
    code.lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("assertThat("))
        .forEach(line -> out.append(line).append('\n'));
    return out.toString();
  }
}
