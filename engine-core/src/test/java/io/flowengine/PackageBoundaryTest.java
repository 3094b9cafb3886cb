package io.flowengine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the layout of DESIGN.md: the SPI and the test support never depend on the internal
 * package, and every public type of the exported packages has javadoc. (A module descriptor
 * would say the first part, but Maven may run on Java 17, whose jar tool cannot package a Java
 * 21 one.)
 */
class PackageBoundaryTest {
  private static final Path MAIN = Path.of("src/main/java/io/flowengine");
  private static final Pattern PUBLIC_TYPE =
      Pattern.compile("^public (final |abstract |sealed )*(class|interface|enum|record|@interface) ", Pattern.MULTILINE);

  private static List<Path> sources(String pkg) throws IOException {
    try (Stream<Path> files = Files.list(MAIN.resolve(pkg))) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  @Test
  void spiAndTesting_neverImportInternal() throws IOException {
    List<String> offenders = new ArrayList<>();
    for (String pkg : List.of("spi", "testing")) {
      for (Path source : sources(pkg)) {
        if (Files.readString(source).contains("import io.flowengine.internal.")) {
          offenders.add(source.toString());
        }
      }
    }
    assertThat(offenders).isEmpty();
  }

  @Test
  void everyPublicTypeOfTheExportedPackages_hasJavadoc() throws IOException {
    List<String> undocumented = new ArrayList<>();
    for (String pkg : List.of(".", "spi", "testing")) {
      for (Path source : sources(pkg)) {
        String text = Files.readString(source);
        var matcher = PUBLIC_TYPE.matcher(text);
        if (matcher.find()) {
          String before = text.substring(0, matcher.start()).stripTrailing();
          if (!before.endsWith("*/") && !before.matches("(?s).*\\*/\\s*(@\\w+(\\([^)]*\\))?\\s*)+")) {
            undocumented.add(source.getFileName().toString());
          }
        }
      }
    }
    assertThat(undocumented).isEmpty();
  }
}
