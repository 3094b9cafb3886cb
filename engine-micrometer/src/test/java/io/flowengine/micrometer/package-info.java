/** Tests of the Micrometer metrics, read from a {@code SimpleMeterRegistry}. */
@NullMarked
package io.flowengine.micrometer;

import org.jspecify.annotations.NullMarked;
