package io.flowengine.h2;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.FlowState;
import io.flowengine.spi.FlowRecord;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database file written by the previous H2 release (2.3.232, the one flowengine used before) is
 * opened and upgraded in place by this one: its flows are there and can be changed. The old
 * release, copied into {@code target/previous-h2} by the build, writes the file in a child JVM.
 */
class OlderH2FileTest {
  private static final Path OLD_H2 = Path.of("target/previous-h2/h2.jar");

  @TempDir Path dir;

  @Test
  void aFileWrittenByThePreviousH2Release_opensWithItsFlows_andTakesNewWrites() throws Exception {
    String flowId = "0123456789abcdef01234567";
    String written = writeWithOldH2(flowId);
    assertThat(written).startsWith("written by H2 2.3.232");

    try (H2Storage storage = H2Storage.open(dir)) {
      FlowRecord flow = storage.flows().find(flowId).orElseThrow();
      assertThat(flow.state()).isEqualTo(FlowState.CREATED);
      FlowRecord started = flow.transitioned(FlowState.STARTING, 0, flow.createdAt(), null, null);
      assertThat(storage.flows().compareAndSet(flow, started)).isTrue();
    }
    try (H2Storage storage = H2Storage.open(dir)) {
      assertThat(storage.flows().find(flowId).orElseThrow().state()).isEqualTo(FlowState.STARTING);
    }
  }

  private String writeWithOldH2(String flowId) throws Exception {
    assertThat(OLD_H2).as("the previous H2 release, copied by the build").exists();
    String classPath =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(entry -> !Path.of(entry).getFileName().toString().startsWith("h2-"))
            .collect(Collectors.joining(File.pathSeparator));
    List<String> command =
        new ArrayList<>(
            List.of(
                ProcessHandle.current().info().command().orElseThrow(),
                "-cp",
                OLD_H2.toAbsolutePath() + File.pathSeparator + classPath,
                OldH2FileWriter.class.getName(),
                dir.toString(),
                flowId));
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).as(out).isZero();
    assertThat(Files.exists(dir.resolve(H2Storage.FILE_NAME))).isTrue();
    return out.strip();
  }
}
