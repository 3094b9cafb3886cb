/**
 * The in-memory model every template works on: indexed triangle meshes with optional normals and
 * texture coordinates, PBR materials and textures, a builder, and deterministic synthetic meshes
 * for tests and benchmarks. Values are immutable once built.
 */
@NullMarked
package io.flowengine.samples.mesh;

import org.jspecify.annotations.NullMarked;
