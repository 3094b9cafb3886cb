/**
 * Tests of GLB writing and reading: chunk layout, round trips, exact float bounds, malformed files
 * refused with the reason, node transforms, and the structure check finding broken documents.
 */
@NullMarked
package io.flowengine.samples.gltf;

import org.jspecify.annotations.NullMarked;
