package io.flowengine.samples.text;

import io.flowengine.samples.mesh.Mesh;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Test support: topology of a mesh after welding vertices at equal positions. */
final class MeshTopology {
  private MeshTopology() {}

  /** Returns how many welded edges belong to exactly one triangle. */
  static long openEdges(Mesh mesh) {
    return edgeUse(mesh).values().stream().filter(count -> count == 1).count();
  }

  /** Returns V - E + F of the welded mesh. */
  static long eulerCharacteristic(Mesh mesh) {
    int[] welded = weld(mesh);
    Set<Integer> vertices = new HashSet<>();
    for (int index : mesh.indices()) {
      vertices.add(welded[index]);
    }
    return vertices.size() - edgeUse(mesh).size() + mesh.triangleCount();
  }

  private static Map<Long, Integer> edgeUse(Mesh mesh) {
    int[] welded = weld(mesh);
    int[] idx = mesh.indices();
    Map<Long, Integer> use = new HashMap<>();
    for (int t = 0; t < idx.length; t += 3) {
      for (int k = 0; k < 3; k++) {
        int a = welded[idx[t + k]];
        int b = welded[idx[t + (k + 1) % 3]];
        long key = ((long) Math.min(a, b) << 32) | Math.max(a, b);
        use.merge(key, 1, Integer::sum);
      }
    }
    return use;
  }

  private static int[] weld(Mesh mesh) {
    float[] p = mesh.positions();
    Map<String, Integer> ids = new HashMap<>();
    int[] welded = new int[mesh.vertexCount()];
    for (int v = 0; v < welded.length; v++) {
      String key = p[3 * v] + "," + p[3 * v + 1] + "," + p[3 * v + 2];
      welded[v] = ids.computeIfAbsent(key, k -> ids.size());
    }
    return welded;
  }
}
