package io.flowengine.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.samples.gltf.GlbFile;
import io.flowengine.samples.gltf.GlbFormatException;
import io.flowengine.samples.gltf.GlbReader;
import io.flowengine.samples.gltf.GlbStructureCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test support: checks a GLB's structure with the project's reader and keeps a copy in the
 * directory named by the system property {@code flowengine.samples.glbDir} (set by the build) so
 * that scripts/validate-outputs.sh can run the Khronos validator over every output the tests
 * made.
 */
public final class GlbSamples {
  private GlbSamples() {}

  /** Asserts {@code glb} is well formed, saves it as {@code name}.glb and returns it parsed. */
  public static GlbFile checkAndKeep(String name, byte[] glb) {
    GlbFile file;
    try {
      file = GlbReader.read(glb);
    } catch (GlbFormatException e) {
      throw new AssertionError(name + " is not a readable GLB: " + e.getMessage(), e);
    }
    assertThat(GlbStructureCheck.problems(file)).as("structure problems of %s", name).isEmpty();
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
    return file;
  }
}
