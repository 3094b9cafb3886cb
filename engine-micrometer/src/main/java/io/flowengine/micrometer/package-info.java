/**
 * Micrometer metrics of a flow engine: {@link io.flowengine.micrometer.FlowEngineMetrics} counts
 * flows by template and outcome, times their queueing and running, gauges the engine's load and
 * measures asset bytes and a durable store's commits. Nothing in this package may be null unless it
 * is annotated {@code @Nullable}.
 */
@NullMarked
package io.flowengine.micrometer;

import org.jspecify.annotations.NullMarked;
