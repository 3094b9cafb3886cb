/** Tests of the OpenTelemetry traces, read back from the SDK's in-memory exporter. */
@NullMarked
package io.flowengine.opentelemetry;

import org.jspecify.annotations.NullMarked;
