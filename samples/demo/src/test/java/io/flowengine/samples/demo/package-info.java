/**
 * Tests of the demo as a whole (models, previews, page, a second run that finds the first run's
 * flows, bad options) and {@code SampleImagePainter}, which made the bundled sample image.
 */
@NullMarked
package io.flowengine.samples.demo;

import org.jspecify.annotations.NullMarked;
