package io.flowengine.samples.mesh;

/** Deterministic meshes of any size for tests and benchmarks. Stateless and thread-safe. */
public final class SyntheticMeshes {
  private SyntheticMeshes() {}

  /**
   * Returns a closed torus with a bumpy surface, normals and texture coordinates (with the usual
   * seams where u and v wrap), of {@code 2 * rings * segments} triangles. About a million
   * triangles: {@code bumpyTorus(1000, 500)}.
   *
   * @throws IllegalArgumentException if {@code rings} or {@code segments} is below 3
   */
  public static Mesh bumpyTorus(int rings, int segments) {
    if (rings < 3 || segments < 3) {
      throw new IllegalArgumentException("a torus needs at least 3 rings and 3 segments");
    }
    MeshBuilder mesh = new MeshBuilder(true, true);
    double major = 1.0;
    double minor = 0.35;
    for (int i = 0; i <= rings; i++) {
      // Wrapped rows repeat the first row's exact positions (a seam in u and v only).
      double u = 2 * Math.PI * (i % rings) / rings;
      for (int j = 0; j <= segments; j++) {
        double v = 2 * Math.PI * (j % segments) / segments;
        double r =
            minor
                * (1 + 0.08 * Math.sin(7 * u) * Math.sin(5 * v) + 0.03 * Math.sin(23 * u + 11 * v));
        double cx = Math.cos(u);
        double sx = Math.sin(u);
        double x = (major + r * Math.cos(v)) * cx;
        double y = r * Math.sin(v);
        double z = (major + r * Math.cos(v)) * sx;
        // The bump is small, so the normal of the underlying torus is close enough for shading.
        mesh.vertex(
            x,
            y,
            z,
            Math.cos(v) * cx,
            Math.sin(v),
            Math.cos(v) * sx,
            (double) i / rings,
            (double) j / segments);
      }
    }
    int row = segments + 1;
    for (int i = 0; i < rings; i++) {
      for (int j = 0; j < segments; j++) {
        int a = i * row + j;
        int b = (i + 1) * row + j;
        mesh.quad(a, a + 1, b + 1, b);
      }
    }
    return mesh.build();
  }

  /**
   * Returns a flat square grid in the xy plane, facing +z, with {@code 2 * cells * cells}
   * triangles, normals and texture coordinates: an open mesh whose whole rim is a border.
   *
   * @throws IllegalArgumentException if {@code cells} is below 1
   */
  public static Mesh grid(int cells) {
    if (cells < 1) {
      throw new IllegalArgumentException("cells must be positive: " + cells);
    }
    MeshBuilder mesh = new MeshBuilder(true, true);
    for (int j = 0; j <= cells; j++) {
      for (int i = 0; i <= cells; i++) {
        mesh.vertex(
            (double) i / cells,
            (double) j / cells,
            0,
            0,
            0,
            1,
            (double) i / cells,
            1 - (double) j / cells);
      }
    }
    for (int j = 0; j < cells; j++) {
      for (int i = 0; i < cells; i++) {
        int a = j * (cells + 1) + i;
        mesh.quad(a, a + 1, a + cells + 2, a + cells + 1);
      }
    }
    return mesh.build();
  }

  /**
   * Returns a closed bumpy sphere with normals (no texture coordinates, so no seams) of {@code 2 *
   * slices * (stacks - 1)} triangles: {@code stacks} bands of latitude, {@code slices} of
   * longitude, one vertex at each pole. About a million triangles: {@code bumpySphere(500, 1000)}.
   *
   * @throws IllegalArgumentException if {@code stacks} or {@code slices} is below 3
   */
  public static Mesh bumpySphere(int stacks, int slices) {
    if (stacks < 3 || slices < 3) {
      throw new IllegalArgumentException("a sphere needs at least 3 stacks and 3 slices");
    }
    MeshBuilder mesh = new MeshBuilder(true, false);
    int north = sphereVertex(mesh, 0, 0);
    for (int i = 1; i < stacks; i++) {
      for (int j = 0; j < slices; j++) {
        sphereVertex(mesh, Math.PI * i / stacks, 2 * Math.PI * j / slices);
      }
    }
    int south = sphereVertex(mesh, Math.PI, 0);
    for (int j = 0; j < slices; j++) {
      int next = (j + 1) % slices;
      mesh.triangle(north, 1 + next, 1 + j);
      for (int i = 1; i < stacks - 1; i++) {
        int row = 1 + (i - 1) * slices;
        mesh.quad(row + j, row + next, row + slices + next, row + slices + j);
      }
      int last = 1 + (stacks - 2) * slices;
      mesh.triangle(last + j, last + next, south);
    }
    return mesh.build();
  }

  private static int sphereVertex(MeshBuilder mesh, double theta, double phi) {
    double x = Math.sin(theta) * Math.cos(phi);
    double y = Math.cos(theta);
    double z = Math.sin(theta) * Math.sin(phi);
    double r =
        1
            + 0.04 * Math.sin(9 * x) * Math.sin(7 * y) * Math.sin(8 * z)
            + 0.015 * Math.sin(31 * x + 17 * y);
    // The bump is small, so the normal of the underlying sphere is close enough for shading.
    return mesh.vertex(r * x, r * y, r * z, x, y, z, 0, 0);
  }
}
