/**
 * A real PostgreSQL for the tests: a throwaway server started once per test JVM (or the one {@code
 * FLOWENGINE_POSTGRES_URL} names), a database per test class and a schema per test, through the
 * JUnit extension {@link io.flowengine.postgres.harness.PostgresExtension}.
 */
@NullMarked
package io.flowengine.postgres.harness;

import org.jspecify.annotations.NullMarked;
