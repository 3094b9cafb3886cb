/**
 * Benchmarks of the PostgreSQL storage against plain JDBC, on a throwaway PostgreSQL (or the one
 * {@code FLOWENGINE_POSTGRES_URL} names). They sit in {@code io.flowengine.postgres} (split across
 * jars on the class path, where the benchmarks run) because the storage's SQL and row binding,
 * which the JDBC floor must share, are package-private.
 */
@NullMarked
package io.flowengine.postgres;

import org.jspecify.annotations.NullMarked;
