package io.flowengine.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.Flow;
import io.flowengine.FlowEngine;
import io.flowengine.FlowListener;
import io.flowengine.FlowState;
import io.flowengine.NewAsset;
import io.flowengine.NewFlow;
import io.flowengine.Template;
import io.flowengine.testing.BlockingStep;
import io.flowengine.testing.Steps;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FlowTracingTest {
  private static final String TEXT = "text/plain";

  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private final OpenTelemetrySdk otel =
      OpenTelemetrySdk.builder()
          .setTracerProvider(
              SdkTracerProvider.builder()
                  .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                  .build())
          .build();

  @AfterEach
  void close() {
    otel.close();
  }

  /** Counts terminal flows; registered after the tracing, so it hears of them after it did. */
  private static FlowListener finished(CountDownLatch latch) {
    return new FlowListener() {
      @Override
      public void onStateChange(@Nullable Flow previous, Flow current) {
        if (current.state().isTerminal()) {
          latch.countDown();
        }
      }
    };
  }

  private static SpanData named(List<SpanData> spans, String name) {
    return spans.stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow();
  }

  @SuppressWarnings("try") // the scope only makes the request span current
  @Test
  void aFlowSpanInTheCallersTraceWithAChildSpanPerStep() throws Exception {
    FlowTracing tracing = FlowTracing.create(otel);
    CountDownLatch done = new CountDownLatch(1);
    Template twoSteps =
        Template.builder("two")
            .inputTypes(TEXT)
            .step(ctx -> {})
            .step(ctx -> Span.current().addEvent("inside step 2"))
            .build();
    try (FlowEngine engine =
        FlowEngine.builder()
            .observer(tracing)
            .contextPropagator(tracing)
            .listener(finished(done))
            .template(twoSteps)
            .build()) {
      Span request = otel.getTracer("test").spanBuilder("request").startSpan();
      Flow flow;
      try (Scope unused = request.makeCurrent()) {
        flow = engine.createFlow(NewFlow.builder("two").input(NewAsset.text("x")).build());
      } finally {
        request.end();
      }
      assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();

      List<SpanData> spans = exporter.getFinishedSpanItems();
      assertThat(spans).hasSize(4);
      SpanData parent = named(spans, "request");
      SpanData flowSpan = named(spans, "flow two");
      SpanData step1 = named(spans, "step 1/2");
      SpanData step2 = named(spans, "step 2/2");
      assertThat(flowSpan.getTraceId()).isEqualTo(parent.getTraceId());
      assertThat(flowSpan.getParentSpanId()).isEqualTo(parent.getSpanId());
      assertThat(step1.getParentSpanId()).isEqualTo(flowSpan.getSpanId());
      assertThat(step2.getParentSpanId()).isEqualTo(flowSpan.getSpanId());
      assertThat(step2.getEvents()).extracting("name").containsExactly("inside step 2");
      assertThat(flowSpan.getAttributes().get(AttributeKey.stringKey(FlowTracing.FLOW_ID_KEY)))
          .isEqualTo(flow.id());
      assertThat(flowSpan.getAttributes().get(AttributeKey.stringKey(FlowTracing.TEMPLATE_KEY)))
          .isEqualTo("two");
      assertThat(flowSpan.getAttributes().get(AttributeKey.stringKey(FlowTracing.STATE_KEY)))
          .isEqualTo("completed");
      assertThat(flowSpan.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    }
  }

  @Test
  void aFailureIsRecordedOnTheStepAndTheFlowSpan() throws Exception {
    FlowTracing tracing = FlowTracing.create(otel);
    CountDownLatch done = new CountDownLatch(1);
    Template broken =
        Template.builder("broken")
            .inputTypes(TEXT)
            .step(
                ctx -> {
                  throw new IllegalStateException("the model would not load");
                })
            .build();
    try (FlowEngine engine =
        FlowEngine.builder()
            .observer(tracing)
            .contextPropagator(tracing)
            .listener(finished(done))
            .template(broken)
            .build()) {
      engine.createFlow(NewFlow.builder("broken").input(NewAsset.text("x")).build());
      assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();

      List<SpanData> spans = exporter.getFinishedSpanItems();
      SpanData flowSpan = named(spans, "flow broken");
      SpanData step = named(spans, "step 1/1");
      assertThat(flowSpan.getParentSpanContext().isValid()).as("no caller trace").isFalse();
      assertThat(flowSpan.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
      assertThat(flowSpan.getStatus().getDescription()).contains("the model would not load");
      assertThat(flowSpan.getAttributes().get(AttributeKey.stringKey(FlowTracing.STATE_KEY)))
          .isEqualTo("failed");
      assertThat(step.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
      assertThat(step.getEvents()).extracting("name").containsExactly("exception");
    }
  }

  @Test
  void aFlowAbortedWhileQueuedGetsAnEndedSpanWithItsState() throws Exception {
    FlowTracing tracing = FlowTracing.create(otel);
    CountDownLatch done = new CountDownLatch(2);
    BlockingStep gate = Steps.blocking();
    Template held = Template.builder("held").inputTypes(TEXT).step(gate).build();
    try (FlowEngine engine =
        FlowEngine.builder()
            .observer(tracing)
            .contextPropagator(tracing)
            .listener(finished(done))
            .maxRunningFlows(1)
            .template(held)
            .build()) {
      Flow running = engine.createFlow(NewFlow.builder("held").input(NewAsset.text("x")).build());
      Flow queued = engine.createFlow(NewFlow.builder("held").input(NewAsset.text("y")).build());
      assertThat(engine.abortFlow(queued.id()).state()).isEqualTo(FlowState.ABORTED);
      gate.release();
      assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();

      List<SpanData> spans = exporter.getFinishedSpanItems();
      SpanData abortedSpan =
          spans.stream()
              .filter(
                  s ->
                      queued
                          .id()
                          .equals(
                              s.getAttributes()
                                  .get(AttributeKey.stringKey(FlowTracing.FLOW_ID_KEY))))
              .filter(s -> s.getName().equals("flow held"))
              .findFirst()
              .orElseThrow();
      assertThat(abortedSpan.hasEnded()).isTrue();
      assertThat(abortedSpan.getAttributes().get(AttributeKey.stringKey(FlowTracing.STATE_KEY)))
          .isEqualTo("aborted");
      assertThat(spans)
          .filteredOn(s -> s.getName().equals("flow held"))
          .extracting(s -> s.getAttributes().get(AttributeKey.stringKey(FlowTracing.FLOW_ID_KEY)))
          .containsExactlyInAnyOrder(running.id(), queued.id());
    }
  }

  @SuppressWarnings("try") // the scope only makes the request span current
  @Test
  void itemsAStepFansOutRunInsideTheStepSpan() throws Exception {
    FlowTracing tracing = FlowTracing.create(otel);
    CountDownLatch done = new CountDownLatch(1);
    Template fan =
        Template.builder("fan")
            .inputTypes(TEXT)
            .step(
                ctx ->
                    ctx.inParallel(
                        List.of(1, 2),
                        i -> {
                          otel.getTracer("test").spanBuilder("item " + i).startSpan().end();
                          return i;
                        }))
            .build();
    try (FlowEngine engine =
        FlowEngine.builder()
            .observer(tracing)
            .contextPropagator(tracing)
            .listener(finished(done))
            .template(fan)
            .build()) {
      engine.createFlow(NewFlow.builder("fan").input(NewAsset.text("x")).build());
      assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();

      List<SpanData> spans = exporter.getFinishedSpanItems();
      SpanData step = named(spans, "step 1/1");
      assertThat(named(spans, "item 1").getParentSpanId()).isEqualTo(step.getSpanId());
      assertThat(named(spans, "item 2").getParentSpanId()).isEqualTo(step.getSpanId());
      assertThat(named(spans, "item 1").getTraceId()).isEqualTo(step.getTraceId());
    }
  }
}
