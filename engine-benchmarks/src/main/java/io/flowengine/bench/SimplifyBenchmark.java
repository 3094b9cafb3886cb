package io.flowengine.bench;

import io.flowengine.samples.mesh.Mesh;
import io.flowengine.samples.mesh.SyntheticMeshes;
import io.flowengine.samples.simplify.MeshSimplifier;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The {@code model_optimize} sample's mesh simplification ({@link MeshSimplifier}) of a closed
 * bumpy sphere with normals ({@link SyntheticMeshes#bumpySphere}) of about {@code triangles}
 * triangles down to {@code target} of them, the input of issue 18. One simplification per
 * operation; the report turns the time into input triangles per second. The secondary result {@code
 * simplify.error} is the sampled symmetric Hausdorff distance between input and result divided by
 * the input's bounding-box diagonal ({@link SurfaceDistance}), computed once from the first result
 * (the simplifier is deterministic). The floor is meshoptimizer's {@code simplify} on the same mesh
 * and target, run beside it by hand ({@code engine-benchmarks/meshoptimizer}): nothing in the build
 * downloads it.
 *
 * <p>Run: {@code ./mvnw -B -pl engine-benchmarks -am verify -DskipTests -Dbench=full
 * -Dbench.include=SimplifyBenchmark}; the 10M-triangle input is the {@code triangles=10000000}
 * param ({@code -Djmh.p.triangles=10000000} is not needed: the full pass runs every param).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx4g"})
@State(Scope.Benchmark)
public class SimplifyBenchmark {
  /** Triangles of the input mesh (about: a sphere of stacks × 2 stacks quads). */
  @Param({"100000", "1000000", "10000000"})
  public int triangles;

  /** Triangles to keep. */
  @Param("100000")
  public int target;

  /** Untimed runs on a 100k input before the first warm-up iteration. */
  private static final int WARM_UP_RUNS = 20;

  private Mesh mesh;
  private int keep;
  private @Nullable Mesh last;
  private double error = Double.NaN;

  /** Builds the input mesh. */
  @Setup
  public void setUp() {
    mesh = sphere(triangles);
    // A 100k input simplified to 100k would be a no-op: keep a tenth of it instead.
    keep = Math.min(target, mesh.triangleCount() / 10);
    warmUp();
  }

  /**
   * Compiles the simplifier before the first timed run: three single-shot warm-ups leave a 100k run
   * largely interpreted, while meshoptimizer's reference numbers are warm medians.
   */
  private static void warmUp() {
    Mesh small = sphere(100_000);
    for (int i = 0; i < WARM_UP_RUNS; i++) {
      MeshSimplifier.simplify(small, small.triangleCount() / 10);
    }
  }

  /** Returns the benchmark's input mesh of about {@code triangles} triangles. */
  static Mesh sphere(int triangles) {
    int stacks = Math.max(3, (int) Math.round(Math.sqrt(triangles / 4.0)));
    return SyntheticMeshes.bumpySphere(stacks, 2 * stacks);
  }

  /** Simplifies the mesh to {@code target} triangles. */
  @Benchmark
  public Mesh simplify() {
    Mesh simplified = MeshSimplifier.simplify(mesh, keep);
    if (simplified.triangleCount() > keep) {
      throw new IllegalStateException("simplified to " + simplified.triangleCount() + " > " + keep);
    }
    last = simplified;
    return simplified;
  }

  /** Measures the surface error of the result once and reports it with every iteration. */
  @TearDown(Level.Iteration)
  public void reportError() {
    Mesh result = last;
    if (Double.isNaN(error) && result != null) {
      error = SurfaceDistance.relative(mesh, result, 400_000);
    }
    SecondaryMetrics.record("simplify.error", error, "of diagonal");
    SecondaryMetrics.record("simplify.outputTriangles", keep, "triangles");
  }
}
