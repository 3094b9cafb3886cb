package io.flowengine.postgres.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.Flow;
import io.flowengine.FlowEngine;
import io.flowengine.FlowState;
import io.flowengine.NewAsset;
import io.flowengine.NewFlow;
import io.flowengine.Template;
import io.flowengine.postgres.PostgresStorage;
import io.flowengine.postgres.harness.PostgresExtension;
import io.flowengine.postgres.harness.TestDatabase;
import io.flowengine.testing.Steps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The module README's "Running a cluster" example, run on a real server with two nodes in this JVM;
 * the README must show the lines between the markers (indentation, blank lines and the test's
 * assertions aside).
 */
@ExtendWith(PostgresExtension.class)
class ClusterReadmeTest {
  private static final String BEGIN = "// README:BEGIN\n";

  private static FlowEngine node(String jdbcUrl, String user, String password, String name) {
    Template myTemplate =
        Template.builder("work").inputTypes("text/plain").step(Steps.succeed()).build();
    // README:BEGIN
    return FlowEngine.builder()
        .storage(
            PostgresStorage.builder()
                .url(jdbcUrl)
                .credentials(user, password)
                .nodeId(name) // default: node- and 16 random hex digits
                .lease(Duration.ofSeconds(5)) // renewed every third; lost nodes' flows move on
                .cluster() // share the work with every engine on this database
                .open())
        .template(myTemplate)
        .maxRunningFlows(16) // this node's slots; it claims only what it can run
        .build();
    // README:END
  }

  @Test
  void twoNodes_shareOneDatabase(TestDatabase database) throws Exception {
    String jdbcUrl = database.newSchema();
    String user = database.user() != null ? database.user() : System.getProperty("user.name");
    String password = database.password() == null ? "" : database.password();
    try (FlowEngine a = node(jdbcUrl, user, password, "app-1");
        FlowEngine b = node(jdbcUrl, user, password, "app-2")) {
      Flow flow = a.createFlow(NewFlow.builder("work").input(NewAsset.text("x")).build());
      assertThat(b.awaitFlow(flow.id()).get().state()).isEqualTo(FlowState.COMPLETED);
      assertThat(b.getFlow(flow.id()).state()).isEqualTo(FlowState.COMPLETED);
    }
  }

  @Test
  void theReadmeShowsTheExample() throws IOException {
    String source =
        Files.readString(
            Path.of("src/test/java/io/flowengine/postgres/readme/ClusterReadmeTest.java"));
    int from = source.indexOf(BEGIN) + BEGIN.length();
    String snippet = source.substring(from, source.indexOf("// README:END", from));
    assertThat(normalize(Files.readString(Path.of("README.md")))).contains(normalize(snippet));
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
