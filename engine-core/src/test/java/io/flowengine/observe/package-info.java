/**
 * Tests of what integrations plug into: flow observers, context propagators, the MDC of a step and
 * the engine's load.
 */
@NullMarked
package io.flowengine.observe;

import org.jspecify.annotations.NullMarked;
