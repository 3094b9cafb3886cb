package io.flowengine.samples.demo.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.samples.GenerationOptions;
import io.flowengine.samples.Quality;
import io.flowengine.samples.WorkMonitor;
import io.flowengine.samples.mesh.Material;
import io.flowengine.samples.mesh.Model;
import io.flowengine.samples.mesh.SyntheticMeshes;
import io.flowengine.samples.text.TextModelGenerator;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import org.junit.jupiter.api.Test;

class SoftwareRendererTest {
  @Test
  void drawsTheModelInTheMiddle_andNotOutside() {
    Model torus = Model.of("torus", SyntheticMeshes.bumpyTorus(60, 30), Material.plain());
    BufferedImage image = SoftwareRenderer.render(torus, 200, 150);
    int background = image.getRGB(2, 2);
    // The torus hole lets the backdrop through near the centre; its ring covers points beside it.
    assertThat(image.getRGB(100 - 55, 75)).isNotEqualTo(background);
    assertThat(countDifferent(image, background)).isBetween(200 * 150 / 6, 200 * 150 * 3 / 4);
  }

  @Test
  void texturedText_isDeterministic() throws Exception {
    Model text =
        new TextModelGenerator()
            .generate("Hi", new GenerationOptions(Quality.LOW, 9, true), WorkMonitor.NONE);
    BufferedImage a = SoftwareRenderer.render(text, 120, 90);
    BufferedImage b = SoftwareRenderer.render(text, 120, 90);
    assertThat(pixels(a)).isEqualTo(pixels(b));
    assertThat(countDifferent(a, a.getRGB(0, 0))).isGreaterThan(500);
  }

  private static int countDifferent(BufferedImage image, int background) {
    int count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int c = image.getRGB(x, y);
        if (Math.abs(((c >> 8) & 255) - ((background >> 8) & 255)) > 12) {
          count++;
        }
      }
    }
    return count;
  }

  private static int[] pixels(BufferedImage image) {
    return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
  }
}
