/**
 * Tests of the three templates run as flows on a real engine: outputs derived from their inputs,
 * every accepted image format, seeds that give identical outputs, failures with a reason, and
 * {@code model_optimize} on the others' outputs. {@link io.flowengine.samples.TestImages} makes
 * their input pictures.
 */
@NullMarked
package io.flowengine.samples;

import org.jspecify.annotations.NullMarked;
