/**
 * Tests of the PostgreSQL storage on a real server: the engine-tck contract suites, listing plans,
 * opening and its errors, a whole engine, large assets; and the measurement behind the asset
 * storage choice.
 */
@NullMarked
package io.flowengine.postgres;

import org.jspecify.annotations.NullMarked;
