/**
 * The fake engine's benchmark. It sits in {@code io.flowengine.testing} (split across jars on the
 * class path, where the benchmarks run) because the tiny GLB its floor builds is package-private.
 */
@NullMarked
package io.flowengine.testing;

import org.jspecify.annotations.NullMarked;
