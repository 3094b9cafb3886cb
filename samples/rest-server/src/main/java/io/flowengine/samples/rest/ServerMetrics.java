package io.flowengine.samples.rest;

import io.flowengine.FlowEngine;
import io.flowengine.micrometer.FlowEngineMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The server's metrics: a Prometheus registry that {@code /metrics} serves, and the engine's meters
 * in it ({@link FlowEngineMetrics}: an observer for the engine's builder and a commit listener for
 * its store). Thread-safe.
 *
 * @param registry what {@code /metrics} scrapes
 * @param engineMetrics what the engine and its store report to
 */
record ServerMetrics(PrometheusMeterRegistry registry, FlowEngineMetrics engineMetrics) {
  /** Returns a new, empty registry with the engine's meters. */
  static ServerMetrics create() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    return new ServerMetrics(registry, new FlowEngineMetrics(registry));
  }

  /** Adds the gauges of {@code engine}'s running and queued flows. */
  void bindLoad(FlowEngine engine) {
    engineMetrics.bindLoad(engine);
  }
}
