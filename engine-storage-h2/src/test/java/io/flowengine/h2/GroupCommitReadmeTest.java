package io.flowengine.h2;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.CreateFlowResult;
import io.flowengine.FlowEngine;
import io.flowengine.NewFlow;
import io.flowengine.Template;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's example of batch creation on H2 runs, and the README shows exactly this code. */
class GroupCommitReadmeTest {
  @TempDir Path dir;

  @Test
  void createFlowsOnH2_sharesCommits() {
    Template shout = Template.builder("shout").inputTypes("text/plain").step(ctx -> {}).build();
    // README:BEGIN
    LongAdder commits = new LongAdder();
    try (FlowEngine engine =
        FlowEngine.builder()
            .storage(
                H2Storage.builder()
                    .directory(dir)
                    .commitListener((changes, statements, nanos) -> commits.increment())
                    .open())
            .template(shout)
            .build()) {
      List<NewFlow> requests = Collections.nCopies(1000, NewFlow.of("shout"));
      List<CreateFlowResult> results = engine.createFlows(requests); // each checked on its own
      long created = results.stream().filter(CreateFlowResult::isCreated).count();
      System.out.println(created + " flows created in " + commits.sum() + " commits");
      assertThat(created).isEqualTo(1000);
    }
    // README:END
    assertThat(commits.sum()).isBetween(1L, 100L);
  }

  @Test
  void readmeShowsTheTestedCode() throws IOException {
    String source =
        Files.readString(Path.of("src/test/java/io/flowengine/h2/GroupCommitReadmeTest.java"));
    int from = source.indexOf("// README:BEGIN\n") + "// README:BEGIN\n".length();
    String snippet = source.substring(from, source.indexOf("// README:END", from));
    assertThat(normalize(Files.readString(Path.of("../README.md")))).contains(normalize(snippet));
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
