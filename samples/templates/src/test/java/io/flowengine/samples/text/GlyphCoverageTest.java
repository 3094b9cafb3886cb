package io.flowengine.samples.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.samples.GenerationOptions;
import io.flowengine.samples.Quality;
import io.flowengine.samples.WorkMonitor;
import io.flowengine.samples.mesh.Mesh;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GlyphCoverageTest {
  private final TextModelGenerator generator = new TextModelGenerator();

  @ParameterizedTest
  @EnumSource(Quality.class)
  void everyPrintableAsciiGlyph_isAClosedSolid(Quality quality) throws Exception {
    for (char c = '!'; c <= '~'; c++) {
      Mesh mesh =
          generator
              .generate(
                  String.valueOf(c), new GenerationOptions(quality, 1, false), WorkMonitor.NONE)
              .parts()
              .get(0)
              .mesh();
      assertThat(MeshTopology.openEdges(mesh)).as("open edges of '%s' at %s", c, quality).isZero();
    }
  }

  @Test
  void accentsAndSymbols_areClosedSolids() throws Exception {
    Mesh mesh =
        generator
            .generate(
                "Ærøskøbing ÅÉÎÕÜ ß € ½ @ & % § ¶",
                new GenerationOptions(Quality.HIGH, 1, false), WorkMonitor.NONE)
            .parts()
            .get(0)
            .mesh();
    assertThat(MeshTopology.openEdges(mesh)).isZero();
  }
}
