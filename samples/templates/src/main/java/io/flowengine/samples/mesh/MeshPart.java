package io.flowengine.samples.mesh;

import static java.util.Objects.requireNonNull;

/**
 * One mesh with the material it is drawn with (a glTF primitive). Immutable and thread-safe under
 * {@link Mesh}'s rule.
 *
 * @param mesh the geometry
 * @param material its material
 */
public record MeshPart(Mesh mesh, Material material) {
  /** Checks both are present. */
  public MeshPart {
    requireNonNull(mesh, "mesh");
    requireNonNull(material, "material");
  }
}
