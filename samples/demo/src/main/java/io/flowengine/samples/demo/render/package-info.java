/**
 * The demo's PNG previews drawn without a GPU: {@link
 * io.flowengine.samples.demo.render.SoftwareRenderer} rasterises a model with a z-buffer, lights
 * and textures it, and gives the same pixels for the same model.
 */
@NullMarked
package io.flowengine.samples.demo.render;

import org.jspecify.annotations.NullMarked;
