/**
 * What the samples' tests share: {@link io.flowengine.samples.testing.GlbStructureCheck} checks a
 * GLB with its own reader (container, JSON chunk, accessors against the data, references), and
 * {@link io.flowengine.samples.testing.GlbSamples} asserts that and keeps the file for the Khronos
 * validator. For test scope only.
 */
@NullMarked
package io.flowengine.samples.testing;

import org.jspecify.annotations.NullMarked;
