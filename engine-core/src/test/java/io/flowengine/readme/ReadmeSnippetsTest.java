package io.flowengine.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The README's code blocks are these compiled and tested files, line for line. */
class ReadmeSnippetsTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "QuickStartTest.java",
        "PromptToModelTest.java",
        "ContentCheckReadmeTest.java",
        "RetriesReadmeTest.java"
      })
  void readmeShowsTheTestedCode(String file) throws IOException {
    String source = Files.readString(Path.of("src/test/java/io/flowengine/readme", file));
    int from = source.indexOf("// README:BEGIN\n") + "// README:BEGIN\n".length();
    String snippet = source.substring(from, source.indexOf("// README:END", from));
    assertThat(normalize(Files.readString(Path.of("../README.md")))).contains(normalize(snippet));
  }

  /** Compares code without indentation, blank lines and the test's own assertions. */
  private static String normalize(String code) {
    StringBuilder out = new StringBuilder();
    code.lines()
        .map(String::strip)
        .filter(
            line ->
                !line.isEmpty() && !line.startsWith("assertThat(") && !line.startsWith("return "))
        .forEach(line -> out.append(line).append('\n'));
    return out.toString();
  }
}
