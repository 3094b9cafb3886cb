package io.flowengine.samples.simplify;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.samples.mesh.Mesh;
import io.flowengine.samples.mesh.SyntheticMeshes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AdjacencyTest {
  /**
   * The sphere's triangles run by longitude and its vertices by latitude, so the two halves of the
   * rebuild hand corners across (poles, two meridians); shuffled, nearly everything crosses and the
   * rows are built on one thread.
   */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void rows_listEveryCornerOfEveryLiveTriangleByClassInAscendingOrder(boolean shuffled) {
    Mesh sphere = SyntheticMeshes.bumpySphere(60, 120);
    Mesh mesh = shuffled ? MeshChecks.shuffled(sphere, 11) : sphere;
    VertexWelder.Welded welded = VertexWelder.weld(mesh);
    CollapseState state =
        new CollapseState(mesh.positions(), mesh.indices(), welded.position(), welded.wedge());
    List<List<Integer>> rows = new ArrayList<>();
    for (int p = 0; p < mesh.vertexCount(); p++) {
      rows.add(new ArrayList<>());
    }
    int live = 0;
    for (int t = 0; t < mesh.triangleCount(); t++) {
      int a = welded.position()[mesh.indices()[3 * t]];
      int b = welded.position()[mesh.indices()[3 * t + 1]];
      int c = welded.position()[mesh.indices()[3 * t + 2]];
      if (a != b && b != c && a != c) {
        live++;
        rows.get(a).add(3 * t);
        rows.get(b).add(3 * t + 1);
        rows.get(c).add(3 * t + 2);
      }
    }
    assertThat(state.triangleCount).isEqualTo(live).isEqualTo(mesh.triangleCount());
    Adjacency adj = state.adjacency;
    for (int p = 0; p < mesh.vertexCount(); p++) {
      List<Integer> row = new ArrayList<>();
      for (int r = adj.offsets[p]; r < adj.offsets[p + 1]; r++) {
        row.add(adj.corners[r]);
      }
      assertThat(row).as("row of class %d", p).isEqualTo(rows.get(p));
    }
  }
}
