/**
 * OpenTelemetry traces of a flow engine: {@link io.flowengine.opentelemetry.FlowTracing} opens a
 * span per flow run, in the trace of whoever created or started the flow, and a child span per
 * step. Nothing in this package may be null unless it is annotated {@code @Nullable}.
 */
@NullMarked
package io.flowengine.opentelemetry;

import org.jspecify.annotations.NullMarked;
