/**
 * Tests of the mesh simplifier: triangle budgets met, closed meshes kept closed and manifold,
 * shapes kept close to the original; {@link io.flowengine.samples.simplify.MeshChecks} measures
 * them and {@code SimplifierTiming} gives a rough speed on demand.
 */
@NullMarked
package io.flowengine.samples.simplify;

import org.jspecify.annotations.NullMarked;
