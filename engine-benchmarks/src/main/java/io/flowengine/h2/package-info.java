/**
 * Benchmarks of the H2 storage against plain JDBC. They sit in {@code io.flowengine.h2} (split
 * across jars on the class path, where the benchmarks run) because the storage's row binding, which
 * the JDBC baseline must share, is package-private.
 */
@NullMarked
package io.flowengine.h2;

import org.jspecify.annotations.NullMarked;
