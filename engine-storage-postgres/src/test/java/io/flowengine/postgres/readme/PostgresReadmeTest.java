package io.flowengine.postgres.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.Flow;
import io.flowengine.FlowEngine;
import io.flowengine.NewAsset;
import io.flowengine.NewFlow;
import io.flowengine.Template;
import io.flowengine.postgres.PostgresStorage;
import io.flowengine.postgres.harness.PostgresExtension;
import io.flowengine.postgres.harness.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The README's PostgreSQL example, compiled and run on a real server; the README must show the
 * lines between the markers (indentation, blank lines and the test's assertions aside).
 */
@ExtendWith(PostgresExtension.class)
class PostgresReadmeTest {
  private static final String BEGIN = "// README:BEGIN\n";
  private static final Template SHOUT =
      Template.builder("shout")
          .inputTypes("text/plain")
          .outputTypes("text/plain")
          .step(
              ctx -> {
                for (var input : ctx.inputs()) {
                  String text = new String(ctx.open(input).readAllBytes(), StandardCharsets.UTF_8);
                  ctx.writeOutput(
                      "text/plain",
                      text.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8),
                      input);
                }
              })
          .build();

  @Test
  void theExampleRuns(TestDatabase database) throws Exception {
    String jdbcUrl = database.newSchema();
    String user = database.user() != null ? database.user() : System.getProperty("user.name");
    String password = database.password() == null ? "" : database.password();
    Template shout = SHOUT;
    // README:BEGIN
    try (FlowEngine engine =
        FlowEngine.builder()
            .storage(
                PostgresStorage.builder()
                    .url(jdbcUrl) // jdbc:postgresql://db.internal:5432/flows
                    .credentials(user, password)
                    .open()) // creates or migrates the schema
            .template(shout)
            .build()) {
      Flow flow =
          engine.createFlow(NewFlow.builder("shout").input(NewAsset.text("durable")).build());
      Flow done = engine.awaitFlow(flow.id()).join();
      String result =
          engine.getOutput(flow.id(), engine.listOutputs(flow.id()).getFirst().id()).text();
      System.out.println(done.state().wireName() + ": " + result); // completed: DURABLE
      assertThat(done.state().wireName() + ": " + result).isEqualTo("completed: DURABLE");
    }
    // README:END
  }

  @Test
  void theReadmeShowsTheExample() throws IOException {
    String source =
        Files.readString(
            Path.of("src/test/java/io/flowengine/postgres/readme/PostgresReadmeTest.java"));
    int from = source.indexOf(BEGIN) + BEGIN.length();
    String snippet = source.substring(from, source.indexOf("// README:END", from));
    assertThat(normalize(Files.readString(Path.of("../README.md")))).contains(normalize(snippet));
  }

  /** Compares code without indentation, blank lines and the test's own assertions. */
  private static String normalize(String code) {
    StringBuilder out = new StringBuilder();
    code.lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("assertThat("))
        .forEach(line -> out.append(line).append('\n'));
    return out.toString();
  }
}
