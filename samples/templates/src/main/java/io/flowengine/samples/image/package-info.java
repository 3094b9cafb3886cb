/**
 * {@code model_generate_fromimage}: decoding the accepted image formats (WEBP through the
 * TwelveMonkeys ImageIO plugin), scaling to the quality's grid, and meshing the heights of the
 * image's luminance into a closed relief tile textured with the image.
 */
@NullMarked
package io.flowengine.samples.image;

import org.jspecify.annotations.NullMarked;
