package io.flowengine.samples.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowengine.samples.GenerationOptions;
import io.flowengine.samples.Quality;
import io.flowengine.samples.WorkMonitor;
import io.flowengine.samples.gltf.GlbWriter;
import io.flowengine.samples.gltf.GltfModelReader;
import io.flowengine.samples.mesh.Mesh;
import io.flowengine.samples.mesh.Model;
import io.flowengine.samples.testing.GlbSamples;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextModelGeneratorTest {
  private final TextModelGenerator generator = new TextModelGenerator();

  @Test
  void lettersWithHoles_areClosedSolids() throws Exception {
    Model model =
        generator.generate("ABO8", new GenerationOptions(Quality.HIGH, 7, true), WorkMonitor.NONE);
    Mesh mesh = model.parts().get(0).mesh();
    assertThat(MeshTopology.openEdges(mesh)).as("edges used by one triangle only").isZero();
    assertThat(MeshTopology.eulerCharacteristic(mesh))
        // A (1 hole), B (2), O (1), 8 (2): genus 6 in four bodies: V - E + F = 2*4 - 2*6.
        .isEqualTo(2 * 4 - 2 * 6);
    byte[] glb = GlbWriter.write(model);
    GlbSamples.checkAndKeep("prompt-ABO8-high-textured", glb);
    Model back = GltfModelReader.read(glb);
    assertThat(back.triangleCount()).isEqualTo(model.triangleCount());
    assertThat(back.parts().get(0).material().baseColorTexture()).isNotNull();
  }

  @Test
  void lowQuality_hasFewerTriangles() throws Exception {
    long high =
        generator
            .generate("Go", new GenerationOptions(Quality.HIGH, 1, false), WorkMonitor.NONE)
            .triangleCount();
    Model low =
        generator.generate("Go", new GenerationOptions(Quality.LOW, 1, false), WorkMonitor.NONE);
    assertThat(low.triangleCount()).isLessThan(high / 2);
    assertThat(low.parts().get(0).mesh().hasTexCoords()).isFalse();
    GlbSamples.checkAndKeep("prompt-Go-low-plain", GlbWriter.write(low));
  }

  @Test
  void sameSeed_givesIdenticalBytes_otherSeedDoesNot() throws Exception {
    var options = new GenerationOptions(Quality.LOW, 42, true);
    byte[] first = GlbWriter.write(generator.generate("seed", options, WorkMonitor.NONE));
    byte[] second =
        GlbWriter.write(new TextModelGenerator().generate("seed", options, WorkMonitor.NONE));
    byte[] other =
        GlbWriter.write(
            generator.generate(
                "seed", new GenerationOptions(Quality.LOW, 43, true), WorkMonitor.NONE));
    assertThat(second).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }

  @Test
  void longPrompt_isWrappedOntoLines() throws Exception {
    String prompt = "a small red dragon sitting on top of an old stone castle at sunset";
    Model model =
        generator.generate(prompt, new GenerationOptions(Quality.LOW, 3, false), WorkMonitor.NONE);
    assertThat(model.extras()).containsEntry("lines", 3);
    var bounds = model.bounds();
    assertThat(bounds.maxY() - bounds.minY()).isGreaterThan(2.0f);
    assertThat(bounds.maxX() - bounds.minX()).isLessThan(16f);
    GlbSamples.checkAndKeep("prompt-long-wrapped", GlbWriter.write(model));
  }

  @Test
  void blankPrompt_isRejected() {
    assertThatThrownBy(
            () ->
                generator.generate(
                    " \n\t", new GenerationOptions(Quality.LOW, 1, false), WorkMonitor.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no visible character");
  }

  @Test
  void extras_recordSeedAndQuality() throws Exception {
    Model model =
        generator.generate("x", new GenerationOptions(Quality.LOW, 5, false), WorkMonitor.NONE);
    assertThat(model.extras()).containsAllEntriesOf(Map.of("seed", 5L, "quality", "low"));
  }
}
