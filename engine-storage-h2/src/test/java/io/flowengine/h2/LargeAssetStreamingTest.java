package io.flowengine.h2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large input goes into an H2-backed engine and comes back byte-identical (SHA-256) in a JVM
 * limited to 256 MiB of heap. The size is {@code flowengine.h2.largeAssetMiB}: 64 by default, 1024
 * for the full run ({@code ./mvnw -pl engine-storage-h2 -am verify -Dgroups=large
 * -Dflowengine.h2.largeAssetMiB=1024}).
 */
@Tag("large")
class LargeAssetStreamingTest {
  private static final long MIB = Long.getLong("flowengine.h2.largeAssetMiB", 64);

  @TempDir Path dir;

  @Test
  @Timeout(value = 30, unit = TimeUnit.MINUTES)
  void largeInput_roundTripsByteIdentical_inA256MiBHeap() throws Exception {
    String java = ProcessHandle.current().info().command().orElseThrow();
    Process child =
        new ProcessBuilder(
                java,
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                LargeAssetRoundTrip.class.getName(),
                dir.toString(),
                Long.toString(MIB))
            .redirectErrorStream(true)
            .start();
    String output = readAll(child);
    assertThat(child.waitFor(30, TimeUnit.MINUTES)).isTrue();
    System.out.println(MIB + " MiB: " + output);
    assertThat(child.exitValue()).as(output).isZero();
    String[] result =
        output.lines().filter(l -> l.startsWith("in ")).findFirst().orElseThrow().split(" ");
    assertThat(result[3]).as("sha-256 read back").isEqualTo(result[1]);
    assertThat(result[5]).as("sha-256 stored").isEqualTo(result[1]);
    assertThat(Long.parseLong(result[7])).isEqualTo(MIB << 20);
  }

  private static String readAll(Process child) throws IOException {
    return new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }
}
