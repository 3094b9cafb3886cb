package io.flowengine.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's "Writing a store" example is {@link InMemoryStorageContractTest}, line for line. */
class ReadmeExampleTest {
  private static final String BEGIN = "// README:BEGIN\n";

  @Test
  void readmeShowsTheContractTestThatRuns() throws IOException {
    String source =
        Files.readString(
            Path.of("src/test/java/io/flowengine/tck/InMemoryStorageContractTest.java"));
    int from = source.indexOf(BEGIN) + BEGIN.length();
    String example = source.substring(from, source.indexOf("// README:END", from));
    assertThat(normalize(Files.readString(Path.of("../README.md")))).contains(normalize(example));
  }

  /** Compares code without indentation and blank lines. */
  private static String normalize(String code) {
    StringBuilder out = new StringBuilder();
    code.lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty())
        .forEach(line -> out.append(line).append('\n'));
    return out.toString();
  }
}
