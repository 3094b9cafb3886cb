/**
 * Generated base-colour textures: a seed picks a look (hues, metalness, roughness) and {@link
 * io.flowengine.samples.texture.PatternTexture} paints it as a PNG, the same seed always giving the
 * same bytes.
 */
@NullMarked
package io.flowengine.samples.texture;

import org.jspecify.annotations.NullMarked;
