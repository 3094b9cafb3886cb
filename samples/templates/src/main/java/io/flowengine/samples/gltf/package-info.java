/**
 * glTF 2.0 binary (GLB) files: {@link io.flowengine.samples.gltf.GlbWriter} writes a model, {@link
 * io.flowengine.samples.gltf.GlbReader} splits a file into its JSON document (a Jackson tree) and
 * binary chunk, and {@link io.flowengine.samples.gltf.GltfModelReader} turns what the document says
 * back into a model, node transforms applied. Malformed input is a {@link
 * io.flowengine.samples.gltf.GlbFormatException}.
 */
@NullMarked
package io.flowengine.samples.gltf;

import org.jspecify.annotations.NullMarked;
