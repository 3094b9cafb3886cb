package io.flowengine.bench;

import io.flowengine.samples.mesh.Mesh;
import io.flowengine.samples.mesh.SyntheticMeshes;
import io.flowengine.samples.simplify.MeshSimplifier;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The {@code model_optimize} sample's mesh simplification (quadric error metrics, {@link
 * MeshSimplifier}) of a closed bumpy torus with normals and texture coordinates ({@link
 * SyntheticMeshes#bumpyTorus}) of {@code triangles} triangles down to {@code keep} of them. One
 * simplification per operation; the report turns the time into input triangles per second. There is
 * no floor to compare with: the number is the sample's own speed.
 *
 * <p>Run: {@code ./mvnw -B -pl engine-benchmarks -am verify -DskipTests -Dbench=full
 * -Dbench.include=SimplifyBenchmark}
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx4g"})
@State(Scope.Benchmark)
public class SimplifyBenchmark {
  /** Triangles of the input mesh (about; a torus of rings × rings/2 quads). */
  @Param("1000000")
  public int triangles;

  /** The share of triangles to keep. */
  @Param("0.1")
  public double keep;

  private Mesh mesh;
  private int target;

  /** Builds the input mesh. */
  @Setup
  public void setUp() {
    int rings = (int) Math.round(Math.sqrt(triangles));
    mesh = SyntheticMeshes.bumpyTorus(rings, Math.max(3, triangles / (2 * rings)));
    target = (int) (mesh.triangleCount() * keep);
  }

  /** Simplifies the mesh to {@code keep} of its triangles. */
  @Benchmark
  public Mesh simplify() {
    Mesh simplified = MeshSimplifier.simplify(mesh, target);
    if (simplified.triangleCount() > target) {
      throw new IllegalStateException(
          "simplified to " + simplified.triangleCount() + " > " + target);
    }
    return simplified;
  }
}
