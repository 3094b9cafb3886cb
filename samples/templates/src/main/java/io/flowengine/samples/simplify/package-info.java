/**
 * {@code model_optimize}: quadric-error edge collapse down to a triangle budget, keeping normals,
 * texture coordinates, seams and borders; {@link io.flowengine.samples.simplify.MeshSimplifier}
 * simplifies one mesh, {@link io.flowengine.samples.simplify.ModelSimplifier} a whole model.
 */
@NullMarked
package io.flowengine.samples.simplify;

import org.jspecify.annotations.NullMarked;
