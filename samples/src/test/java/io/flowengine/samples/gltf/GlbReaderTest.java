package io.flowengine.samples.gltf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowengine.samples.json.JsonWriter;
import io.flowengine.samples.mesh.Material;
import io.flowengine.samples.mesh.Mesh;
import io.flowengine.samples.mesh.Model;
import io.flowengine.samples.mesh.SyntheticMeshes;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GlbReaderTest {
  private static final Model GRID = Model.of("grid", SyntheticMeshes.grid(3), Material.plain());

  @Test
  void writtenGlb_hasAlignedChunksAndRoundTrips() throws Exception {
    byte[] glb = GlbWriter.write(GRID);
    ByteBuffer in = ByteBuffer.wrap(glb).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(in.getInt(8)).isEqualTo(glb.length);
    int jsonLength = in.getInt(12);
    assertThat(jsonLength % 4).isZero();
    assertThat(in.getInt(20 + jsonLength) % 4).isZero();
    GlbFile file = GlbReader.read(glb);
    assertThat(GlbStructureCheck.problems(file)).isEmpty();
    Mesh back = GltfModelReader.read(file).parts().get(0).mesh();
    Mesh original = GRID.parts().get(0).mesh();
    assertThat(back.positions()).isEqualTo(original.positions());
    assertThat(back.normals()).isEqualTo(original.normals());
    assertThat(back.texCoords()).isEqualTo(original.texCoords());
    assertThat(back.indices()).isEqualTo(original.indices());
  }

  @Test
  void malformedContainers_areRejectedWithTheReason() {
    byte[] glb = GlbWriter.write(GRID);
    byte[] badMagic = glb.clone();
    badMagic[0] = 'x';
    assertThatThrownBy(() -> GlbReader.read(badMagic)).hasMessageContaining("magic");
    assertThatThrownBy(() -> GlbReader.read(Arrays.copyOf(glb, glb.length - 4)))
        .hasMessageContaining("header declares");
    byte[] oddChunk = glb.clone();
    ByteBuffer.wrap(oddChunk).order(ByteOrder.LITTLE_ENDIAN).putInt(12, 13);
    assertThatThrownBy(() -> GlbReader.read(oddChunk)).hasMessageContaining("not 4-aligned");
  }

  @Test
  void structureCheck_findsWrongMinMaxAndOutOfBoundsAccessors() throws Exception {
    GlbFile file = GlbReader.read(GlbWriter.write(GRID));
    Map<String, Object> json = new java.util.LinkedHashMap<>(file.document());
    List<Object> accessors = new java.util.ArrayList<>(file.array("accessors"));
    Map<String, Object> position = new java.util.LinkedHashMap<>(file.array("accessors").get(0));
    position.put("max", List.of(2.0, 1.0, 0.0));
    accessors.set(0, position);
    Map<String, Object> normals = new java.util.LinkedHashMap<>(file.array("accessors").get(1));
    normals.put("count", 1000);
    accessors.set(1, normals);
    json.put("accessors", accessors);
    GlbFile broken = GlbReader.read(glb(JsonWriter.write(json), file.bin()));
    assertThat(GlbStructureCheck.problems(broken))
        .anySatisfy(p -> assertThat(p).contains("accessor 0 component 0: declared"))
        .anySatisfy(p -> assertThat(p).contains("accessor 1 needs"));
  }

  @Test
  void nodeTransforms_areBakedIntoPositionsAndNormals() throws Exception {
    GlbFile file = GlbReader.read(GlbWriter.write(GRID));
    Map<String, Object> json = new java.util.LinkedHashMap<>(file.document());
    // Rotate 90 degrees about y and move 10 along x: the grid's +z normal becomes +x.
    double s = Math.sqrt(0.5);
    json.put("nodes", List.of(Map.of("mesh", 0, "rotation", List.of(0.0, s, 0.0, s), "translation", List.of(10.0, 0.0, 0.0))));
    Mesh mesh = GltfModelReader.read(GlbReader.read(glb(JsonWriter.write(json), file.bin()))).parts().get(0).mesh();
    assertThat(mesh.normals()[0]).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-6f));
    assertThat(mesh.bounds().minX()).isCloseTo(10f, org.assertj.core.data.Offset.offset(1e-5f));
  }

  private static byte[] glb(String json, ByteBuffer bin) {
    byte[] text = json.getBytes(StandardCharsets.UTF_8);
    int jsonLength = (text.length + 3) & ~3;
    int binLength = bin.remaining();
    ByteBuffer out = ByteBuffer.allocate(12 + 8 + jsonLength + 8 + binLength).order(ByteOrder.LITTLE_ENDIAN);
    out.putInt(0x46546C67).putInt(2).putInt(out.capacity());
    out.putInt(jsonLength).putInt(0x4E4F534A).put(text);
    while (out.position() < 20 + jsonLength) {
      out.put((byte) ' ');
    }
    out.putInt(binLength).putInt(0x004E4942).put(bin);
    return out.array();
  }
}
