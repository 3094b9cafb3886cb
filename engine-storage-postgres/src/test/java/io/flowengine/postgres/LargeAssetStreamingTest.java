package io.flowengine.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.postgres.harness.PostgresExtension;
import io.flowengine.postgres.harness.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A large input goes into an engine on PostgreSQL and comes back byte-identical (SHA-256), in a
 * child JVM whose heap is no larger than the asset. The size is {@code
 * flowengine.postgres.largeAssetMiB}: 64 by default (the default input limit), 1024 for the size of
 * the largest output ({@code ./mvnw -pl engine-storage-postgres -am verify
 * -Dtest=LargeAssetStreamingTest -Dflowengine.postgres.largeAssetMiB=1024}).
 */
@ExtendWith(PostgresExtension.class)
class LargeAssetStreamingTest {
  private static final long MIB = Long.getLong("flowengine.postgres.largeAssetMiB", 64);

  @Test
  @Timeout(value = 30, unit = TimeUnit.MINUTES)
  void largeInput_roundTripsByteIdentical_inAHeapNoLargerThanTheAsset(TestDatabase database)
      throws Exception {
    String java = ProcessHandle.current().info().command().orElseThrow();
    Process child =
        new ProcessBuilder(
                java,
                "-Xmx" + Math.min(MIB, 64) + "m",
                "-cp",
                System.getProperty("java.class.path"),
                LargeAssetRoundTrip.class.getName(),
                database.newSchema(),
                database.user() == null ? "-" : database.user(),
                Long.toString(MIB))
            .redirectErrorStream(true)
            .start();
    child.getOutputStream().close();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(30, TimeUnit.MINUTES)).isTrue();
    System.out.println(MIB + " MiB: " + output);
    assertThat(child.exitValue()).as(output).isZero();
    String[] result =
        output.lines().filter(l -> l.startsWith("in ")).findFirst().orElseThrow().split("[ ;]+");
    assertThat(result[3]).as("sha-256 read back").isEqualTo(result[1]);
    assertThat(result[5]).as("sha-256 stored").isEqualTo(result[1]);
    assertThat(Long.parseLong(result[7])).isEqualTo(MIB << 20);
  }
}
