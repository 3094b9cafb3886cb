/**
 * Tests of the prompt-to-text geometry: line wrapping, ear clipping with holes, every printable
 * glyph closed, and whole models with the topology of solid text.
 */
@NullMarked
package io.flowengine.samples.text;

import org.jspecify.annotations.NullMarked;
