package io.flowengine.samples.mesh;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * An indexed triangle mesh: per-vertex positions, optional unit normals and optional texture
 * coordinates, and three vertex indices per triangle (counter-clockwise seen from the front).
 *
 * <p>The arrays are not copied: whoever builds a mesh hands them over and nobody modifies them
 * afterwards. Under that rule a mesh is immutable and may be shared between threads.
 *
 * @param positions x, y, z per vertex
 * @param normals x, y, z per vertex (unit length), or null
 * @param texCoords u, v per vertex (glTF convention: v grows downwards in the image), or null
 * @param indices three vertex indices per triangle
 */
@SuppressWarnings("ArrayRecordComponent") // large vertex data, never compared or hashed by value
public record Mesh(
    float[] positions, float @Nullable [] normals, float @Nullable [] texCoords, int[] indices) {

  /**
   * Checks the array lengths agree and every index names a vertex.
   *
   * @throws IllegalArgumentException if they do not
   */
  public Mesh {
    requireNonNull(positions, "positions");
    requireNonNull(indices, "indices");
    if (positions.length % 3 != 0) {
      throw new IllegalArgumentException("positions length " + positions.length + " is not 3n");
    }
    int vertices = positions.length / 3;
    if (normals != null && normals.length != positions.length) {
      throw new IllegalArgumentException(
          "normals length " + normals.length + " != positions length " + positions.length);
    }
    if (texCoords != null && texCoords.length != vertices * 2) {
      throw new IllegalArgumentException(
          "texCoords length " + texCoords.length + " != 2 x " + vertices + " vertices");
    }
    if (indices.length % 3 != 0) {
      throw new IllegalArgumentException("indices length " + indices.length + " is not 3n");
    }
    for (int index : indices) {
      if (index < 0 || index >= vertices) {
        throw new IllegalArgumentException(
            "index " + index + " outside the " + vertices + " vertices");
      }
    }
  }

  /** Returns the number of vertices. */
  public int vertexCount() {
    return positions.length / 3;
  }

  /** Returns the number of triangles. */
  public int triangleCount() {
    return indices.length / 3;
  }

  /** Returns whether the mesh has normals. */
  public boolean hasNormals() {
    return normals != null;
  }

  /** Returns whether the mesh has texture coordinates. */
  public boolean hasTexCoords() {
    return texCoords != null;
  }

  /** Returns the axis-aligned bounds of the vertices (all zero for an empty mesh). */
  public Bounds bounds() {
    return Bounds.of(positions);
  }

  @Override
  public String toString() {
    return "Mesh{"
        + vertexCount()
        + " vertices, "
        + triangleCount()
        + " triangles"
        + (normals != null ? ", normals" : "")
        + (texCoords != null ? ", uv" : "")
        + "}";
  }
}
