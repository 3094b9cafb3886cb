/**
 * OpenTelemetry traces of a flow engine: {@code io.flowengine.opentelemetry.FlowTracing}, plugged
 * in with {@code FlowEngine.builder().observer(...)} and {@code contextPropagator(...)}.
 */
// The OpenTelemetry jars ship no module descriptor, only Automatic-Module-Names; they are
// transitive because FlowTracing's factory takes an OpenTelemetry and it propagates a Context.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module io.flowengine.opentelemetry {
  requires transitive io.flowengine;
  requires transitive io.opentelemetry.api;
  requires transitive io.opentelemetry.context;

  exports io.flowengine.opentelemetry;
}
