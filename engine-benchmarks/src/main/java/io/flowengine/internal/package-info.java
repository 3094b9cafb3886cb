/**
 * The state-transition benchmark. It sits in {@code io.flowengine.internal} (split across jars on
 * the class path, where the benchmarks run) because the state machine it measures alone is
 * package-private.
 */
@NullMarked
package io.flowengine.internal;

import org.jspecify.annotations.NullMarked;
