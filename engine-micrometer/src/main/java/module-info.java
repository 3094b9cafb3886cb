/**
 * Micrometer metrics of a flow engine: {@code io.flowengine.micrometer.FlowEngineMetrics}, plugged
 * in with {@code FlowEngine.builder().observer(...)} and a durable store's {@code
 * commitListener(...)}.
 */
// micrometer-core ships no module descriptor, only the Automatic-Module-Name micrometer.core; it
// is transitive because FlowEngineMetrics' constructor takes a MeterRegistry.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module io.flowengine.micrometer {
  requires transitive io.flowengine;
  requires transitive micrometer.core;

  exports io.flowengine.micrometer;
}
