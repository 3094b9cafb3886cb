package io.flowengine.samples.simplify;

import io.flowengine.samples.WorkMonitor;
import io.flowengine.samples.mesh.MeshPart;
import io.flowengine.samples.mesh.Model;
import java.util.ArrayList;
import java.util.List;

/**
 * Simplifies every part of a model with {@link MeshSimplifier}, sharing the triangle budget among
 * the parts in proportion to their size. Stateless and thread-safe.
 */
public final class ModelSimplifier {
  private ModelSimplifier() {}

  /**
   * Returns {@code model} with at most {@code targetTriangles} triangles in all, or {@code model}
   * itself if it has no more than that already.
   *
   * @throws IllegalArgumentException if {@code targetTriangles} is negative
   * @throws InterruptedException if {@code monitor} says to stop
   */
  public static Model simplify(Model model, long targetTriangles, WorkMonitor monitor)
      throws InterruptedException {
    if (targetTriangles < 0) {
      throw new IllegalArgumentException("target must not be negative: " + targetTriangles);
    }
    long total = model.triangleCount();
    if (total <= targetTriangles) {
      return model;
    }
    List<MeshPart> parts = model.parts();
    int[] budget = new int[parts.size()];
    long assigned = 0;
    int largest = 0;
    for (int i = 0; i < parts.size(); i++) {
      int count = parts.get(i).mesh().triangleCount();
      budget[i] = (int) (targetTriangles * count / total);
      assigned += budget[i];
      if (count > parts.get(largest).mesh().triangleCount()) {
        largest = i;
      }
    }
    budget[largest] += (int) (targetTriangles - assigned);
    List<MeshPart> simplified = new ArrayList<>();
    long done = 0;
    for (int i = 0; i < parts.size(); i++) {
      MeshPart part = parts.get(i);
      int count = part.mesh().triangleCount();
      WorkMonitor stage = monitor.range((double) done / total, (double) (done + count) / total);
      simplified.add(
          new MeshPart(MeshSimplifier.simplify(part.mesh(), budget[i], stage), part.material()));
      done += count;
    }
    return model.withParts(simplified);
  }
}
