/**
 * {@code model_generate_fromprompt}: the prompt wrapped into lines, its glyph outlines in an
 * installed bold sans-serif font, triangulated with holes by ear clipping and extruded into closed
 * 3D text.
 */
@NullMarked
package io.flowengine.samples.text;

import org.jspecify.annotations.NullMarked;
