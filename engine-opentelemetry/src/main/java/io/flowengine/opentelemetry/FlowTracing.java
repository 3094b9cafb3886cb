package io.flowengine.opentelemetry;

import static java.util.Objects.requireNonNull;

import io.flowengine.Flow;
import io.flowengine.FlowState;
import io.flowengine.spi.ContextPropagator;
import io.flowengine.spi.FlowObserver;
import io.flowengine.spi.FlowRun;
import io.flowengine.spi.ObservationScope;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * Traces flows with OpenTelemetry: a span per flow run, whose parent is the context current on the
 * thread that last called {@code createFlow}, {@code addInput} or {@code startFlow} before it ran,
 * and a child span per step. Register it as both an observer and a context propagator:
 *
 * <pre>{@code
 * FlowTracing tracing = FlowTracing.create(openTelemetry);
 * FlowEngine engine = FlowEngine.builder().observer(tracing).contextPropagator(tracing)...build();
 * }</pre>
 *
 * <p>The flow span ({@code flow <template>}) starts when the flow begins running and ends when its
 * outcome is stored; it carries {@value #FLOW_ID_KEY}, {@value #TEMPLATE_KEY} and {@value
 * #STATE_KEY} (the final state), and a failed flow's span has status {@code ERROR} with the flow's
 * error. A step span ({@code step <n>/<count>}) ends with its step and records what the step threw.
 * Inside a step both are current, so the step's own spans (an HTTP client's, a database driver's)
 * join the trace. A flow that ends without running (aborted while queued) gets a flow span too,
 * from when it was started to when its end is told, in the context current on the thread that tells
 * it (usually the aborting caller's), with its final state; a flow interrupted by the engine
 * closing keeps an open span that is never exported.
 *
 * <p>Thread-safe.
 */
public final class FlowTracing implements FlowObserver, ContextPropagator<Context> {
  /** The attribute that holds the flow's id. */
  public static final String FLOW_ID_KEY = "flowengine.flow.id";

  /** The attribute that holds the template's name. */
  public static final String TEMPLATE_KEY = "flowengine.template";

  /** The attribute that holds the flow's final state ({@code completed}, ...). */
  public static final String STATE_KEY = "flowengine.flow.state";

  /** The attribute of a step span that holds the step's index, from 0. */
  public static final String STEP_KEY = "flowengine.step.index";

  private static final AttributeKey<String> FLOW_ID = AttributeKey.stringKey(FLOW_ID_KEY);
  private static final AttributeKey<String> TEMPLATE = AttributeKey.stringKey(TEMPLATE_KEY);
  private static final AttributeKey<String> STATE = AttributeKey.stringKey(STATE_KEY);
  private static final AttributeKey<Long> STEP = AttributeKey.longKey(STEP_KEY);

  private final Tracer tracer;
  private final ConcurrentMap<String, Span> flowSpans = new ConcurrentHashMap<>();

  private FlowTracing(Tracer tracer) {
    this.tracer = tracer;
  }

  /**
   * Returns tracing with {@code openTelemetry}'s tracer named {@code io.flowengine}.
   *
   * @throws NullPointerException if {@code openTelemetry} is null
   */
  public static FlowTracing create(OpenTelemetry openTelemetry) {
    return new FlowTracing(
        requireNonNull(openTelemetry, "openTelemetry").getTracer("io.flowengine"));
  }

  @Override
  public @Nullable Context capture() {
    Context current = Context.current();
    return current.equals(Context.root()) ? null : current;
  }

  // The scopes these return outlive the call on purpose: the engine closes them on this thread.
  @SuppressWarnings("MustBeClosedChecker")
  @Override
  public Attachment attach(Context context) {
    Scope scope = context.makeCurrent();
    return scope::close;
  }

  @SuppressWarnings("MustBeClosedChecker")
  @Override
  public ObservationScope runStarted(FlowRun flow) {
    Span span =
        tracer
            .spanBuilder("flow " + flow.templateName())
            .setSpanKind(SpanKind.INTERNAL)
            .setAttribute(FLOW_ID, flow.flowId())
            .setAttribute(TEMPLATE, flow.templateName())
            .startSpan();
    Span earlier = flowSpans.put(flow.flowId(), span);
    if (earlier != null) {
      earlier.end(); // a rerun (recovery): the earlier run's span ends here
    }
    Scope scope = span.makeCurrent();
    return failure -> scope.close();
  }

  @SuppressWarnings("MustBeClosedChecker")
  @Override
  public ObservationScope stepStarted(FlowRun flow, int index, int count) {
    Span span =
        tracer
            .spanBuilder("step " + (index + 1) + "/" + count)
            .setSpanKind(SpanKind.INTERNAL)
            .setAttribute(FLOW_ID, flow.flowId())
            .setAttribute(TEMPLATE, flow.templateName())
            .setAttribute(STEP, (long) index)
            .startSpan();
    Scope scope = span.makeCurrent();
    return failure -> {
      scope.close();
      if (failure != null) {
        span.recordException(failure);
        span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
      }
      span.end();
    };
  }

  @Override
  public void flowFinished(Flow flow, @Nullable Duration running) {
    Span span = flowSpans.remove(flow.id());
    if (span == null) {
      span = neverRan(flow);
    }
    span.setAttribute(STATE, flow.state().wireName());
    if (flow.state() == FlowState.FAILED) {
      span.setStatus(StatusCode.ERROR, String.valueOf(flow.error()));
    }
    span.end();
  }

  /**
   * Starts the span of a flow that ended without running (aborted while queued): in the context
   * current where its end is told, from when it was started, ended by the caller.
   */
  private Span neverRan(Flow flow) {
    Instant started = flow.startedAt();
    return tracer
        .spanBuilder("flow " + flow.templateName())
        .setSpanKind(SpanKind.INTERNAL)
        .setAttribute(FLOW_ID, flow.id())
        .setAttribute(TEMPLATE, flow.templateName())
        .setStartTimestamp(started != null ? started : flow.createdAt())
        .startSpan();
  }

  @Override
  public String toString() {
    return "FlowTracing";
  }
}
