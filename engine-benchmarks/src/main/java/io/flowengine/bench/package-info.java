/**
 * JMH benchmarks of the engine through its API, each with the baseline that is its floor measured
 * in the same run, the suite runner, and the generator of BENCHMARKS.md from JMH's results.
 */
@NullMarked
package io.flowengine.bench;

import org.jspecify.annotations.NullMarked;
