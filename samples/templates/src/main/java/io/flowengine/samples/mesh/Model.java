package io.flowengine.samples.mesh;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A 3D model: meshes with their materials, all in one coordinate system (metres, y up, as in glTF),
 * plus small facts about how it was made ({@code extras}, written to the glTF asset). Immutable and
 * thread-safe under {@link Mesh}'s rule.
 *
 * @param name a name for viewers
 * @param parts the meshes and materials
 * @param extras string, number or boolean values by name, e.g. the seed used
 */
public record Model(String name, List<MeshPart> parts, Map<String, Object> extras) {
  /** Copies the collections. */
  public Model {
    requireNonNull(name, "name");
    parts = List.copyOf(parts);
    extras = Collections.unmodifiableMap(new LinkedHashMap<>(extras));
  }

  /** Returns a model of one part without extras. */
  public static Model of(String name, Mesh mesh, Material material) {
    return new Model(name, List.of(new MeshPart(mesh, material)), Map.of());
  }

  /** Returns the number of triangles over all parts. */
  public long triangleCount() {
    long count = 0;
    for (MeshPart part : parts) {
      count += part.mesh().triangleCount();
    }
    return count;
  }

  /** Returns the bounds of all parts. */
  public Bounds bounds() {
    Bounds bounds = null;
    for (MeshPart part : parts) {
      if (part.mesh().vertexCount() == 0) {
        continue;
      }
      Bounds b = part.mesh().bounds();
      bounds = bounds == null ? b : bounds.union(b);
    }
    return bounds == null ? new Bounds(0, 0, 0, 0, 0, 0) : bounds;
  }

  /** Returns a copy with {@code parts} instead of this model's parts. */
  public Model withParts(List<MeshPart> newParts) {
    return new Model(name, newParts, extras);
  }
}
