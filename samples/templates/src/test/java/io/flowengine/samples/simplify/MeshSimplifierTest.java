package io.flowengine.samples.simplify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowengine.samples.gltf.GlbWriter;
import io.flowengine.samples.mesh.Bounds;
import io.flowengine.samples.mesh.Material;
import io.flowengine.samples.mesh.Mesh;
import io.flowengine.samples.mesh.Model;
import io.flowengine.samples.mesh.SyntheticMeshes;
import io.flowengine.samples.testing.GlbSamples;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MeshSimplifierTest {
  private static final Mesh TORUS = SyntheticMeshes.bumpyTorus(200, 100);

  @ParameterizedTest
  @ValueSource(ints = {20_000, 4_000, 500, 50})
  void closedMesh_reachesTargetWithin2Percent(int target) {
    Mesh simplified = MeshSimplifier.simplify(TORUS, target);
    assertThat(simplified.triangleCount())
        .isLessThanOrEqualTo(target)
        .isGreaterThanOrEqualTo((int) (target * 0.98));
    assertThat(MeshChecks.openEdges(simplified)).as("open edges").isZero();
    assertThat(MeshChecks.nonManifoldEdges(simplified)).as("edges of 3+ triangles").isZero();
  }

  @Test
  void keepsAttributesOfSurvivingVertices() {
    Mesh simplified = MeshSimplifier.simplify(TORUS, 3_000);
    assertThat(simplified.hasNormals()).isTrue();
    assertThat(simplified.hasTexCoords()).isTrue();
    Set<String> original = new HashSet<>();
    for (int v = 0; v < TORUS.vertexCount(); v++) {
      original.add(MeshChecks.vertexKey(TORUS, v));
    }
    for (int v = 0; v < simplified.vertexCount(); v++) {
      assertThat(original).contains(MeshChecks.vertexKey(simplified, v));
    }
    Model model = Model.of("torus-3000", simplified, Material.plain());
    GlbSamples.checkAndKeep("optimize-torus-3000", GlbWriter.write(model));
  }

  @Test
  void staysCloseToTheOriginalShape() {
    Mesh simplified = MeshSimplifier.simplify(TORUS, 2_000);
    Bounds before = TORUS.bounds();
    Bounds after = simplified.bounds();
    assertThat(after.diagonal())
        .isCloseTo(before.diagonal(), org.assertj.core.data.Percentage.withPercentage(3));
    assertThat(MeshChecks.maxDistanceToSurface(simplified, TORUS))
        .isLessThan(0.03 * before.diagonal());
  }

  @Test
  void openGrid_keepsItsBorder() {
    Mesh grid = SyntheticMeshes.grid(60);
    Mesh simplified = MeshSimplifier.simplify(grid, 400);
    assertThat(simplified.triangleCount()).isBetween(392, 400);
    assertThat(simplified.bounds()).isEqualTo(grid.bounds());
    assertThat(MeshChecks.area(simplified))
        .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
  }

  @Test
  void meshAtOrBelowTarget_isReturnedUnchanged() {
    assertThat(MeshSimplifier.simplify(TORUS, TORUS.triangleCount())).isSameAs(TORUS);
    assertThat(MeshSimplifier.simplify(TORUS, Integer.MAX_VALUE)).isSameAs(TORUS);
  }

  @Test
  void tinyTargets_areStillReached() {
    assertThat(MeshSimplifier.simplify(SyntheticMeshes.bumpyTorus(20, 10), 1).triangleCount())
        .isLessThanOrEqualTo(1);
    assertThat(MeshSimplifier.simplify(SyntheticMeshes.grid(5), 0).triangleCount()).isZero();
  }

  @Test
  void negativeTarget_isRejected() {
    assertThatThrownBy(() -> MeshSimplifier.simplify(TORUS, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sameInput_givesSameOutput() {
    Mesh a = MeshSimplifier.simplify(TORUS, 5_000);
    Mesh b = MeshSimplifier.simplify(TORUS, 5_000);
    assertThat(a.indices()).isEqualTo(b.indices());
    assertThat(a.positions()).isEqualTo(b.positions());
  }

  @Test
  void bumpySphere_isClosedAndSimplifiesClosed() {
    Mesh sphere = SyntheticMeshes.bumpySphere(40, 80);
    assertThat(sphere.triangleCount()).isEqualTo(2 * 80 * 39);
    assertThat(MeshChecks.openEdges(sphere)).isZero();
    assertThat(MeshChecks.nonManifoldEdges(sphere)).isZero();
    Mesh simplified = MeshSimplifier.simplify(sphere, 600);
    assertThat(simplified.triangleCount()).isBetween(588, 600);
    assertThat(MeshChecks.openEdges(simplified)).isZero();
    assertThat(MeshChecks.nonManifoldEdges(simplified)).isZero();
  }

  @Test
  void shuffledMesh_simplifiesClosedAndTheSameOnOneWorkerThread() throws Exception {
    // Neighbours far apart in both orders: the collapses and rows that two threads share out by
    // class and by triangle nearly all cross between them.
    Mesh sphere = MeshChecks.shuffled(SyntheticMeshes.bumpySphere(60, 120), 3);
    Mesh parallel = MeshSimplifier.simplify(sphere, 1_500);
    java.util.concurrent.ForkJoinPool single = new java.util.concurrent.ForkJoinPool(1);
    try {
      Mesh serial = single.submit(() -> MeshSimplifier.simplify(sphere, 1_500)).get();
      assertThat(serial.indices()).isEqualTo(parallel.indices());
      assertThat(serial.positions()).isEqualTo(parallel.positions());
    } finally {
      single.shutdown();
    }
    assertThat(parallel.triangleCount()).isBetween(1_470, 1_500);
    assertThat(MeshChecks.openEdges(parallel)).isZero();
    assertThat(MeshChecks.nonManifoldEdges(parallel)).isZero();
  }

  @Test
  void oneWorkerThread_givesTheSameOutputAsMany() throws Exception {
    Mesh sphere = SyntheticMeshes.bumpySphere(120, 240);
    Mesh parallel = MeshSimplifier.simplify(sphere, 5_000);
    // Parallel streams started inside a pool run in that pool: here, on one thread.
    java.util.concurrent.ForkJoinPool single = new java.util.concurrent.ForkJoinPool(1);
    try {
      Mesh serial = single.submit(() -> MeshSimplifier.simplify(sphere, 5_000)).get();
      assertThat(serial.indices()).isEqualTo(parallel.indices());
      assertThat(serial.positions()).isEqualTo(parallel.positions());
    } finally {
      single.shutdown();
    }
  }
}
