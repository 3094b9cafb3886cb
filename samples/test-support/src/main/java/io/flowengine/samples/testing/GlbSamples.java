package io.flowengine.samples.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test support: checks a GLB's structure with {@link GlbStructureCheck} and keeps a copy in the
 * directory named by the system property {@code flowengine.samples.glbDir} (the build sets it to
 * the module's {@code target/glb-samples}), so that the Khronos validator can be run over every
 * output the tests made ({@code samples/scripts/validate-outputs.sh}). Stateless; thread-safe as
 * long as two callers do not keep the same name.
 */
public final class GlbSamples {
  private GlbSamples() {}

  /** Asserts {@code glb} has no structure problem and saves it as {@code name}.glb. */
  public static void checkAndKeep(String name, byte[] glb) {
    assertThat(GlbStructureCheck.problems(glb)).as("structure problems of %s", name).isEmpty();
    String dir = System.getProperty("flowengine.samples.glbDir");
    if (dir != null) {
      try {
        Path target = Path.of(dir);
        Files.createDirectories(target);
        Files.write(target.resolve(name + ".glb"), glb);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
