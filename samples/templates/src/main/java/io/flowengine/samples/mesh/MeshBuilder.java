package io.flowengine.samples.mesh;

import java.util.Arrays;

/**
 * Collects vertices and triangles into a {@link Mesh}, growing its arrays as needed. Whether
 * vertices carry normals and texture coordinates is fixed at construction. Not thread-safe.
 */
public final class MeshBuilder {
  private final boolean withNormals;
  private final boolean withTexCoords;
  private float[] positions = new float[3 * 64];
  private float[] normals;
  private float[] texCoords;
  private int[] indices = new int[3 * 64];
  private int vertexCount;
  private int indexCount;

  /** Starts an empty mesh whose vertices carry normals and/or texture coordinates. */
  public MeshBuilder(boolean withNormals, boolean withTexCoords) {
    this.withNormals = withNormals;
    this.withTexCoords = withTexCoords;
    this.normals = new float[withNormals ? 3 * 64 : 0];
    this.texCoords = new float[withTexCoords ? 2 * 64 : 0];
  }

  /**
   * Adds a vertex and returns its index. The normal is normalised here; normal arguments are
   * ignored without normals, texture coordinates without texture coordinates.
   *
   * @throws IllegalArgumentException if the mesh has normals and the normal is zero
   */
  public int vertex(
      double x, double y, double z, double nx, double ny, double nz, double u, double v) {
    if (vertexCount * 3 == positions.length) {
      positions = Arrays.copyOf(positions, positions.length * 2);
      if (withNormals) {
        normals = Arrays.copyOf(normals, normals.length * 2);
      }
      if (withTexCoords) {
        texCoords = Arrays.copyOf(texCoords, texCoords.length * 2);
      }
    }
    int p = vertexCount * 3;
    positions[p] = (float) x;
    positions[p + 1] = (float) y;
    positions[p + 2] = (float) z;
    if (withNormals) {
      double length = Math.sqrt(nx * nx + ny * ny + nz * nz);
      if (!(length > 1e-12)) {
        throw new IllegalArgumentException("zero normal at vertex " + vertexCount);
      }
      normals[p] = (float) (nx / length);
      normals[p + 1] = (float) (ny / length);
      normals[p + 2] = (float) (nz / length);
    }
    if (withTexCoords) {
      texCoords[vertexCount * 2] = (float) u;
      texCoords[vertexCount * 2 + 1] = (float) v;
    }
    return vertexCount++;
  }

  /** Adds a triangle of three vertex indices, counter-clockwise seen from the front. */
  public void triangle(int a, int b, int c) {
    if (indexCount + 3 > indices.length) {
      indices = Arrays.copyOf(indices, indices.length * 2);
    }
    indices[indexCount++] = a;
    indices[indexCount++] = b;
    indices[indexCount++] = c;
  }

  /** Adds two triangles for the quad a, b, c, d (counter-clockwise). */
  public void quad(int a, int b, int c, int d) {
    triangle(a, b, c);
    triangle(a, c, d);
  }

  /** Returns the number of vertices added so far. */
  public int vertexCount() {
    return vertexCount;
  }

  /** Returns the number of triangles added so far. */
  public int triangleCount() {
    return indexCount / 3;
  }

  /**
   * Returns the mesh built so far; the builder may go on being used.
   *
   * @throws IllegalArgumentException if a triangle names a vertex that was never added
   */
  public Mesh build() {
    return new Mesh(
        Arrays.copyOf(positions, vertexCount * 3),
        withNormals ? Arrays.copyOf(normals, vertexCount * 3) : null,
        withTexCoords ? Arrays.copyOf(texCoords, vertexCount * 2) : null,
        Arrays.copyOf(indices, indexCount));
  }
}
