/**
 * The contract suites run against the engine's in-memory storage, and the check that the README's
 * "Writing a store" example is that run.
 */
@NullMarked
package io.flowengine.tck;

import org.jspecify.annotations.NullMarked;
