package io.flowengine.samples.simplify;

import io.flowengine.samples.mesh.Mesh;
import io.flowengine.samples.mesh.SyntheticMeshes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A rough timing of simplifying a million triangles, printed, not asserted (the JMH benchmark in
 * engine-benchmarks is the measurement). Run with {@code ./mvnw -pl samples/templates -am verify
 * -Dtest=SimplifierTiming -Dflowengine.timing=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "flowengine.timing", matches = "true")
class SimplifierTiming {
  @Test
  void millionTriangles() {
    Mesh torus = SyntheticMeshes.bumpyTorus(1000, 500);
    for (int round = 0; round < 4; round++) {
      for (int target : new int[] {100_000, 10_000}) {
        long start = System.nanoTime();
        Mesh out = MeshSimplifier.simplify(torus, target);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
            "round %d: %,d -> %,d triangles in %.2f s = %,.0f input triangles/s%n",
            round,
            torus.triangleCount(),
            out.triangleCount(),
            seconds,
            torus.triangleCount() / seconds);
      }
    }
  }
}
