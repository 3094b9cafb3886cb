package io.flowengine.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.flowengine.samples.mesh.Mesh;
import io.flowengine.samples.mesh.SyntheticMeshes;
import org.junit.jupiter.api.Test;

class SurfaceDistanceTest {
  @Test
  void aMeshIsAtNoDistanceFromItself() {
    Mesh sphere = SimplifyBenchmark.sphere(20_000);
    assertThat(SurfaceDistance.relative(sphere, sphere, 10_000)).isLessThan(1e-7);
  }

  @Test
  void aShiftedGridIsAsFarAsItsShift() {
    Mesh grid = SyntheticMeshes.grid(20);
    float[] lifted = grid.positions().clone();
    for (int v = 2; v < lifted.length; v += 3) {
      lifted[v] = 0.25f;
    }
    Mesh shifted = new Mesh(lifted, grid.normals(), grid.texCoords(), grid.indices());
    assertThat(SurfaceDistance.oneWay(grid, shifted, 1_000)).isCloseTo(0.25, within(1e-6));
    assertThat(SurfaceDistance.relative(grid, shifted, 1_000))
        .isCloseTo(0.25 / Math.sqrt(2), within(1e-6));
  }

  @Test
  void aPointOffTheSurfaceFindsTheNearestTriangleFarAway() {
    TriangleGrid grid = new TriangleGrid(SyntheticMeshes.grid(50));
    // Beyond a corner of the unit square: the nearest point is the corner (1, 1, 0).
    assertThat(grid.distance(1.3, 1.4, 0)).isCloseTo(0.5, within(1e-6));
    assertThat(grid.distance(0.5, 0.5, -2)).isCloseTo(2, within(1e-6));
  }

  @Test
  void aSmallerSphereIsAsFarAsTheRadiiDiffer() {
    Mesh sphere = SimplifyBenchmark.sphere(50_000);
    float[] shrunk = sphere.positions().clone();
    for (int i = 0; i < shrunk.length; i++) {
      shrunk[i] *= 0.9f;
    }
    Mesh inner = new Mesh(shrunk, sphere.normals(), null, sphere.indices());
    double radius = 0;
    for (int v = 0; v < shrunk.length; v += 3) {
      float[] p = sphere.positions();
      radius = Math.max(radius, Math.sqrt(p[v] * p[v] + p[v + 1] * p[v + 1] + p[v + 2] * p[v + 2]));
    }
    // The bumpy radius is at most about 1.055; a tenth of it, within the tessellation's sag.
    assertThat(SurfaceDistance.oneWay(sphere, inner, 20_000))
        .isBetween(0.09 * radius, 0.1 * radius + 1e-3);
  }
}
