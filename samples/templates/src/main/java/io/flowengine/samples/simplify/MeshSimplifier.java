package io.flowengine.samples.simplify;

import io.flowengine.samples.WorkMonitor;
import io.flowengine.samples.mesh.Mesh;
import java.util.stream.IntStream;

/**
 * Reduces a triangle mesh to at most a target number of triangles by quadric-error edge collapse
 * (Garland and Heckbert), keeping normals and texture coordinates.
 *
 * <p>How: vertices with equal position form one position class; collapses move one class onto a
 * neighbouring one (half-edge collapse), so every surviving vertex keeps its exact attributes. The
 * work goes in passes: each pass prices every directed edge with the error quadrics, keeps each
 * position class's cheapest one, sorts the classes by it, and performs the cheapest collapses that
 * {@link CollapseCheck} allows, at most one per vertex per pass and none priced far above the
 * pass's goal, until the target is reached ({@link CollapsePass}: chosen in cost order, performed
 * in mesh order). Seams (several attribute vertices at one position) only collapse along
 * themselves, open borders only along the border; a pass that finds nothing to collapse relaxes
 * those rules so the target is always reached. The result has between target - 2 and target
 * triangles unless the input is already at or below the target, in which case it is returned
 * unchanged.
 *
 * <p>Stateless and thread-safe; each call works on its own copies. The welding, the quadric set-up,
 * each pass's row rebuild, pricing and sorting, and most of its collapses run on two threads of the
 * common fork-join pool (or the pool the caller runs in), each on its own half of the vertices,
 * classes or triangles, with the same result on one. A million triangles take about a second.
 * Besides the input, the working state needs about 1.85 times the bytes of the input's own arrays
 * (float quadrics, one vertex map over the input's indices, triangle rows rebuilt in place); the
 * input is read, never copied.
 */
public final class MeshSimplifier {
  private static final int MAX_PASSES = 500;

  private MeshSimplifier() {}

  /**
   * Returns {@code mesh} reduced to at most {@code targetTriangles} triangles.
   *
   * @throws IllegalArgumentException if {@code targetTriangles} is negative
   */
  public static Mesh simplify(Mesh mesh, int targetTriangles) {
    try {
      return simplify(mesh, targetTriangles, WorkMonitor.NONE);
    } catch (InterruptedException e) {
      throw new AssertionError("WorkMonitor.NONE never interrupts", e);
    }
  }

  /**
   * Returns {@code mesh} reduced to at most {@code targetTriangles} triangles, reporting progress
   * to {@code monitor} and stopping when it says so.
   *
   * @throws IllegalArgumentException if {@code targetTriangles} is negative
   * @throws InterruptedException if {@code monitor} says to stop
   */
  public static Mesh simplify(Mesh mesh, int targetTriangles, WorkMonitor monitor)
      throws InterruptedException {
    if (targetTriangles < 0) {
      throw new IllegalArgumentException("target must not be negative: " + targetTriangles);
    }
    int start = mesh.triangleCount();
    if (start <= targetTriangles) {
      return mesh;
    }
    int[] vertex = collapse(mesh, targetTriangles, monitor);
    return SurvivingMesh.of(mesh, vertex);
  }

  /**
   * Runs the passes and returns, for each input vertex, the vertex its corners ended on. The
   * working state is unreachable once this returns, so the output is built without it.
   */
  private static int[] collapse(Mesh mesh, int targetTriangles, WorkMonitor monitor)
      throws InterruptedException {
    int start = mesh.triangleCount();
    int n = mesh.vertexCount();
    VertexWelder.Welded welded = VertexWelder.weld(mesh);
    CollapseState state =
        new CollapseState(mesh.positions(), mesh.indices(), welded.position(), welded.wedge());
    monitor.checkpoint();
    InitialQuadrics.add(state);
    monitor.checkpoint();
    CollapsePass collapses = new CollapsePass(state);
    long[] candidates = new long[n];
    int level = 0;
    boolean limitCost = true;
    for (int pass = 0; pass < MAX_PASSES && state.triangleCount > targetTriangles; pass++) {
      int before = state.triangleCount;
      collapsePass(state, collapses, candidates, targetTriangles, level, limitCost, monitor);
      state.endPass();
      monitor.progress((double) (start - state.triangleCount) / (start - targetTriangles));
      if (state.triangleCount < before) {
        limitCost = true;
      } else if (limitCost) {
        limitCost = false;
      } else if (level < 2) {
        level++;
      } else {
        break;
      }
    }
    return state.vertex;
  }

  private static void collapsePass(
      CollapseState state,
      CollapsePass collapses,
      long[] candidates,
      int target,
      int level,
      boolean limitCost,
      WorkMonitor monitor)
      throws InterruptedException {
    int count = prices(state, candidates);
    CandidateSort.sort(candidates, count);
    monitor.checkpoint();
    collapses.run(candidates, count, target, level, limitCost, monitor);
  }

  /**
   * Fills the front of {@code keys} with one sortable key per position class that starts a live
   * edge: the price of its cheapest collapse (float bits), then the class, and returns how many
   * there are. The target is left in {@code state.bestTo}. Each class is priced on its own, so two
   * halves of the classes are priced at once; the result does not depend on how the work is split.
   */
  private static int prices(CollapseState state, long[] keys) {
    int classes = state.position.length;
    int half = classes / 2;
    IntStream.range(0, 2)
        .parallel()
        .forEach(part -> price(state, keys, part == 0 ? 0 : half, part == 0 ? half : classes));
    int count = 0;
    for (int v = 0; v < classes; v++) {
      if (state.bestTo[v] >= 0) {
        keys[count++] = keys[v];
      }
    }
    return count;
  }

  /** Prices the cheapest collapse of each class in [from, to) along its live triangles' edges. */
  private static void price(CollapseState state, long[] keys, int from, int to) {
    Adjacency adj = state.adjacency;
    for (int v = from; v < to; v++) {
      int target = -1;
      float best = Float.POSITIVE_INFINITY;
      for (int r = adj.offsets[v]; r < adj.offsets[v + 1]; r++) {
        int p1 = state.startPositionAt(CollapseState.nextCorner(adj.corners[r]));
        float cost = (float) state.quadrics.error(v, p1);
        if (target < 0 || cost < best) {
          best = cost;
          target = p1;
        }
      }
      state.bestTo[v] = target;
      keys[v] = ((long) Float.floatToIntBits(best) << 32) | v;
    }
  }
}
