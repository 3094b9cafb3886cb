package io.flowengine.samples.gltf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowengine.samples.mesh.Material;
import io.flowengine.samples.mesh.Mesh;
import io.flowengine.samples.mesh.Model;
import io.flowengine.samples.mesh.SyntheticMeshes;
import io.flowengine.samples.testing.GlbStructureCheck;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GlbReaderTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Model GRID = Model.of("grid", SyntheticMeshes.grid(3), Material.plain());

  @Test
  void writtenGlb_hasAlignedChunksAndRoundTrips() throws Exception {
    byte[] glb = GlbWriter.write(GRID);
    ByteBuffer in = ByteBuffer.wrap(glb).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(in.getInt(8)).isEqualTo(glb.length);
    int jsonLength = in.getInt(12);
    assertThat(jsonLength % 4).isZero();
    assertThat(in.getInt(20 + jsonLength) % 4).isZero();
    assertThat(GlbStructureCheck.problems(glb)).isEmpty();
    GlbFile file = GlbReader.read(glb);
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
    ObjectNode json = file.document().deepCopy();
    ArrayNode accessors = (ArrayNode) json.get("accessors");
    ((ObjectNode) accessors.get(0)).set("max", JSON.valueToTree(List.of(2.0, 1.0, 0.0)));
    ((ObjectNode) accessors.get(1)).put("count", 1000);
    byte[] broken = glb(JSON.writeValueAsString(json), file.bin());
    assertThat(GlbStructureCheck.problems(broken))
        .anySatisfy(p -> assertThat(p).contains("accessor 0 component 0: declared"))
        .anySatisfy(p -> assertThat(p).contains("accessor 1 needs"));
  }

  @Test
  void structureCheck_reportsABrokenContainerAsItsOneProblem() {
    byte[] glb = GlbWriter.write(GRID);
    byte[] badMagic = glb.clone();
    badMagic[0] = 'x';
    assertThat(GlbStructureCheck.problems(badMagic)).singleElement().asString().contains("magic");
    byte[] oddChunk = glb.clone();
    ByteBuffer.wrap(oddChunk).order(ByteOrder.LITTLE_ENDIAN).putInt(12, 13);
    assertThat(GlbStructureCheck.problems(oddChunk))
        .singleElement()
        .asString()
        .contains("JSON chunk");
  }

  @Test
  void nodeTransforms_areBakedIntoPositionsAndNormals() throws Exception {
    GlbFile file = GlbReader.read(GlbWriter.write(GRID));
    ObjectNode json = file.document().deepCopy();
    // Rotate 90 degrees about y and move 10 along x: the grid's +z normal becomes +x.
    double s = Math.sqrt(0.5);
    json.set(
        "nodes",
        JSON.valueToTree(
            List.of(
                Map.of(
                    "mesh",
                    0,
                    "rotation",
                    List.of(0.0, s, 0.0, s),
                    "translation",
                    List.of(10.0, 0.0, 0.0)))));
    Mesh mesh =
        GltfModelReader.read(GlbReader.read(glb(JSON.writeValueAsString(json), file.bin())))
            .parts()
            .get(0)
            .mesh();
    assertThat(mesh.normals()[0]).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-6f));
    assertThat(mesh.bounds().minX()).isCloseTo(10f, org.assertj.core.data.Offset.offset(1e-5f));
  }

  @Test
  void floatMinMax_readBackAsTheVeryFloatsOfTheData() throws Exception {
    // 0.1f is not 0.1: written as the shortest decimal of the float, a double reader (and the
    // Khronos validator) would see a min that differs from the data.
    Mesh mesh =
        new Mesh(
            new float[] {0.1f, 0.2f, 0.3f, 1.1f, 0.2f, 0.3f, 0.1f, 1.2f, 0.3f},
            null,
            null,
            new int[] {0, 1, 2});
    byte[] glb = GlbWriter.write(Model.of("tri", mesh, Material.plain()));
    JsonNode min = GlbReader.read(glb).array("accessors").get(0).get("min");
    assertThat(min.get(0).doubleValue()).isEqualTo((double) 0.1f).isNotEqualTo(0.1);
    assertThat(GlbStructureCheck.problems(glb)).isEmpty();
  }

  @Test
  void writerRefusesNonFiniteNumbers() {
    Mesh mesh =
        new Mesh(new float[] {Float.NaN, 0, 0, 1, 0, 0, 0, 1, 0}, null, null, new int[] {0, 1, 2});
    assertThatThrownBy(() -> GlbWriter.write(Model.of("nan", mesh, Material.plain())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NaN");
  }

  @Test
  void malformedJsonChunk_isRejectedWithTheOffset() {
    ByteBuffer noBin = ByteBuffer.allocate(4);
    assertThatThrownBy(() -> GlbReader.read(glb("{\"a\":}", noBin)))
        .isInstanceOf(GlbFormatException.class)
        .hasMessageContaining("JSON chunk")
        .hasMessageContaining("offset 5");
    assertThatThrownBy(() -> GlbReader.read(glb("{} x", noBin))).hasMessageContaining("JSON chunk");
    assertThatThrownBy(() -> GlbReader.read(glb("[1, 2]", noBin)))
        .hasMessageContaining("not an object");
  }

  private static byte[] glb(String json, ByteBuffer bin) {
    byte[] text = json.getBytes(StandardCharsets.UTF_8);
    int jsonLength = (text.length + 3) & ~3;
    int binLength = bin.remaining();
    ByteBuffer out =
        ByteBuffer.allocate(12 + 8 + jsonLength + 8 + binLength).order(ByteOrder.LITTLE_ENDIAN);
    out.putInt(0x46546C67).putInt(2).putInt(out.capacity());
    out.putInt(jsonLength).putInt(0x4E4F534A).put(text);
    while (out.position() < 20 + jsonLength) {
      out.put((byte) ' ');
    }
    out.putInt(binLength).putInt(0x004E4942).put(bin);
    return out.array();
  }
}
