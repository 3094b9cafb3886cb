package io.flowengine.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The READMEs' properties example is what the sample application runs with (its test starts it with
 * these lines), and the starter's README names every auto-configuration class.
 */
class StarterReadmeTest {
  @Test
  void theReadmeExampleIsTheSamplesConfiguration() throws IOException {
    List<String> sample =
        Files.readAllLines(
            Path.of("../samples/spring-boot-app/src/main/resources/application.properties"));
    for (Path readme : List.of(Path.of("README.md"), Path.of("../README.md"))) {
      String text = Files.readString(readme);
      int from = text.indexOf("```properties\n") + "```properties\n".length();
      assertThat(from).as(readme.toString()).isGreaterThan("```properties\n".length());
      List<String> example = text.substring(from, text.indexOf("```", from)).lines().toList();
      assertThat(example).as(readme.toString()).isNotEmpty();
      assertThat(sample).as(readme.toString()).containsAll(example);
    }
  }

  @Test
  void theReadmeNamesTheAutoConfigurations() throws IOException {
    assertThat(Files.readString(Path.of("README.md")))
        .contains(FlowEngineAutoConfiguration.class.getSimpleName())
        .contains(FlowEngineMetricsAutoConfiguration.class.getSimpleName())
        .contains(FlowEngineHealthAutoConfiguration.class.getSimpleName());
  }
}
