package io.flowengine.samples.simplify;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.samples.mesh.Mesh;
import io.flowengine.samples.mesh.SyntheticMeshes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18's heap goal: simplifying a million-triangle bumpy sphere needs at most twice the bytes
 * of the input's own arrays on top of the input. A child JVM ({@link HeapProbe}) holds the input
 * and runs the simplifier in a heap of exactly that size plus a fixed allowance for the JVM's own
 * objects; if the simplifier's live peak is larger, the child runs out of memory. The serial
 * collector with a small young generation makes the heap size the bound of live data: a full
 * collection compacts everything, and no region layout strands free space between large arrays.
 */
class SimplifierHeapTest {
  /**
   * The part of the heap the input and the simplifier cannot use: the 4 MiB young generation
   * ({@code -Xmn4m}; large arrays go straight to the old one) and the JVM's own live objects with
   * the probe loaded (measured 1.9 MB), rounded up.
   */
  private static final long JVM_ALLOWANCE = 8L << 20;

  @TempDir Path dir;

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void millionTriangles_needAtMostTwiceTheInputOnTopOfIt() throws Exception {
    Mesh sphere = SyntheticMeshes.bumpySphere(500, 1000);
    Path file = dir.resolve("sphere.bin");
    HeapProbe.write(sphere, file);
    long input = HeapProbe.arrayBytes(sphere);
    long heap = JVM_ALLOWANCE + input + 2 * input;
    String output = runProbe(file, heap, 100_000);
    assertThat(output)
        .as("in -Xmx%d (input %d bytes)", heap, input)
        .contains("simplified 998000 -> ");
  }

  private static String runProbe(Path file, long heap, int target)
      throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElseThrow();
    Process child =
        new ProcessBuilder(
                List.of(
                    java,
                    "-XX:+UseSerialGC",
                    "-Xmn4m",
                    "-Xms" + heap,
                    "-Xmx" + heap,
                    "-cp",
                    System.getProperty("java.class.path"),
                    HeapProbe.class.getName(),
                    file.toString(),
                    Integer.toString(target)))
            .redirectErrorStream(true)
            .start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(4, TimeUnit.MINUTES)).isTrue();
    System.out.println(output);
    assertThat(child.exitValue()).as(output).isZero();
    return output;
  }
}
