/** Tests of the benchmark code: a smoke run of every benchmark and the latency histogram. */
@NullMarked
package io.flowengine.bench;

import org.jspecify.annotations.NullMarked;
