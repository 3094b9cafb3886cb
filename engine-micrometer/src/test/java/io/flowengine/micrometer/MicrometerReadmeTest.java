package io.flowengine.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.Flow;
import io.flowengine.FlowEngine;
import io.flowengine.NewAsset;
import io.flowengine.NewFlow;
import io.flowengine.Template;
import io.flowengine.h2.H2Storage;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's example runs, the README shows exactly this code, and lists every meter. */
class MicrometerReadmeTest {
  @TempDir Path dir;

  @Test
  void metricsOfAnEngineOnH2() {
    Template shout = Template.builder("shout").inputTypes("text/plain").step(ctx -> {}).build();
    // README:BEGIN
    MeterRegistry registry = new SimpleMeterRegistry(); // or your application's registry
    FlowEngineMetrics metrics = new FlowEngineMetrics(registry);
    try (FlowEngine engine =
        FlowEngine.builder()
            .storage(H2Storage.builder().directory(dir).commitListener(metrics).open())
            .observer(metrics)
            .template(shout)
            .build()) {
      metrics.bindLoad(engine); // the running and queued gauges
      Flow flow = engine.createFlow(NewFlow.builder("shout").input(NewAsset.text("hi")).build());
      engine.awaitFlow(flow.id()).join();
      double completed =
          registry.get("flowengine.flows.completed").tag("template", "shout").counter().count();
      long commits = registry.get("flowengine.storage.commit.time").timer().count();
      System.out.println(completed + " completed, " + commits + " commits");
      assertThat(completed).isEqualTo(1.0);
      assertThat(commits).isPositive();
    }
    // README:END
    assertThat(registry.get(MeterNames.COMMIT_TIME).timer().totalTime(TimeUnit.NANOSECONDS))
        .isPositive();
  }

  @Test
  void readmeShowsTheTestedCodeAndEveryMeter() throws IOException, IllegalAccessException {
    String source =
        Files.readString(
            Path.of("src/test/java/io/flowengine/micrometer/MicrometerReadmeTest.java"));
    int from = source.indexOf("// README:BEGIN\n") + "// README:BEGIN\n".length();
    String snippet = source.substring(from, source.indexOf("// README:END", from));
    String readme = Files.readString(Path.of("README.md"));
    assertThat(normalize(readme)).contains(normalize(snippet));
    for (var field : MeterNames.class.getFields()) {
      String name = (String) field.get(null);
      if (name.startsWith("flowengine.")) {
        assertThat(readme).as(field.getName()).contains("| `" + name + "` |");
      }
    }
  }

  private static String normalize(String code) {
    StringBuilder out = new StringBuilder();
    code.lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("assertThat("))
        .forEach(line -> out.append(line).append('\n'));
    return out.toString();
  }
}
