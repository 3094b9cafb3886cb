package io.flowengine.samples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.samples.testing.GlbSamples;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoMainTest {
  @TempDir Path temp;

  @Test
  void demo_writesModelsPreviewsAndPage_andRunsTwice() throws Exception {
    DemoOptions options =
        new DemoOptions(temp.resolve("data"), temp.resolve("out"), "ABO8 demo", 3_000);
    String first = run(options);
    assertThat(first).contains("no earlier flows", "summary:", "completed");
    for (String name : List.of("prompt", "image-relief", "image-relief-optimized")) {
      Path glb = options.outputDirectory().resolve(name + ".glb");
      GlbSamples.checkAndKeep("demo-" + name, Files.readAllBytes(glb));
      var preview = ImageIO.read(options.outputDirectory().resolve(name + ".png").toFile());
      assertThat(preview.getWidth()).isEqualTo(800);
    }
    String page = Files.readString(options.outputDirectory().resolve("index.html"));
    assertThat(page)
        .contains("GlbViewer.show", "<canvas id=\"view2\"", "image-relief-optimized.png");
    assertThat(first)
        .containsPattern("image-relief-optimized\\.glb +model_optimize +completed +3,000");

    String second = run(options);
    assertThat(second).contains("summary:", "H2 in ").doesNotContain("failed");
    assertThat(second).contains("3 earlier flows in this data directory");
  }

  @Test
  void badOption_isReportedWithUsage() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> DemoOptions.parse(List.of("--bogus", "1")))
        .hasMessageContaining("unknown option --bogus")
        .hasMessageContaining("usage:");
  }

  private static String run(DemoOptions options) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      assertThat(DemoMain.run(options, out)).as(bytes.toString(StandardCharsets.UTF_8)).isTrue();
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
