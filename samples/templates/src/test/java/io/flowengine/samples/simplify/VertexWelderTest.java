package io.flowengine.samples.simplify;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.samples.mesh.Mesh;
import io.flowengine.samples.mesh.SyntheticMeshes;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VertexWelderTest {
  @Test
  void torusSeams_giveTheLowestEqualVertexForPositionsAndForAllAttributes() {
    Mesh torus = SyntheticMeshes.bumpyTorus(40, 20);
    check(torus);
    check(MeshChecks.shuffled(torus, 7));
  }

  @Test
  void meshWithoutAttributes_hasOneWedgePerPosition() {
    Mesh sphere = SyntheticMeshes.bumpySphere(20, 40);
    Mesh positionsOnly = new Mesh(sphere.positions(), null, null, sphere.indices());
    VertexWelder.Welded welded = VertexWelder.weld(positionsOnly);
    assertThat(welded.wedge()).isEqualTo(welded.position());
  }

  private static void check(Mesh mesh) {
    VertexWelder.Welded welded = VertexWelder.weld(mesh);
    Map<String, Integer> firstAtPosition = new HashMap<>();
    Map<String, Integer> firstWithAttributes = new HashMap<>();
    int seams = 0;
    for (int v = 0; v < mesh.vertexCount(); v++) {
      String position = bits(mesh.positions(), 3, v);
      String all = position + bits(mesh.normals(), 3, v) + bits(mesh.texCoords(), 2, v);
      Integer earlierAtPosition = firstAtPosition.putIfAbsent(position, v);
      Integer earlierWithAttributes = firstWithAttributes.putIfAbsent(all, v);
      int p = earlierAtPosition == null ? v : earlierAtPosition;
      int w = earlierWithAttributes == null ? v : earlierWithAttributes;
      assertThat(welded.position()[v]).as("position class of %d", v).isEqualTo(p);
      assertThat(welded.wedge()[v]).as("attribute class of %d", v).isEqualTo(w);
      seams += w != p ? 1 : 0;
    }
    assertThat(seams).as("vertices on a seam").isPositive();
  }

  private static String bits(float[] data, int width, int v) {
    StringBuilder key = new StringBuilder();
    for (int k = 0; k < width; k++) {
      key.append(Integer.toHexString(Float.floatToRawIntBits(data[v * width + k]))).append(',');
    }
    return key.append('|').toString();
  }
}
