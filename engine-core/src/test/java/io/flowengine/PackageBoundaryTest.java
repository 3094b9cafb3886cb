package io.flowengine;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import io.flowengine.internal.EngineConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package layout, as rules over engine-core's compiled classes: the API reaches the
 * implementation only through the builder's one bridge ({@link EngineConfig}), the SPI and the test
 * support never do, there are no package cycles, and every public type of the exported packages has
 * javadoc. The module descriptor keeps consumers out of {@code internal} (ModulePathTest); these
 * rules keep the engine's own packages apart.
 */
class PackageBoundaryTest {
  private static final String INTERNAL = "io.flowengine.internal..";
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.flowengine");

  /** The API, apart from the builder, does not depend on the implementation at all. */
  static final ArchRule API_DOES_NOT_DEPEND_ON_INTERNAL =
      noClasses()
          .that()
          .resideInAPackage("io.flowengine")
          .and(not(equivalentTo(FlowEngine.Builder.class)))
          .should()
          .dependOnClassesThat()
          .resideInAPackage(INTERNAL);

  /** The builder hands its options to EngineConfig and depends on nothing else of internal. */
  static final ArchRule BUILDER_REACHES_INTERNAL_ONLY_THROUGH_ENGINE_CONFIG =
      noClasses()
          .that(equivalentTo(FlowEngine.Builder.class))
          .should()
          .dependOnClassesThat(
              resideInAPackage(INTERNAL).and(not(equivalentTo(EngineConfig.class))));

  static final ArchRule SPI_NEVER_DEPENDS_ON_INTERNAL =
      noClasses()
          .that()
          .resideInAPackage("io.flowengine.spi..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage(INTERNAL);

  static final ArchRule TESTING_NEVER_DEPENDS_ON_INTERNAL =
      noClasses()
          .that()
          .resideInAPackage("io.flowengine.testing..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage(INTERNAL);

  /**
   * No cycles between packages. The API and the SPI are one slice: they name each other by design
   * (the builder takes an {@code EngineStorage}; a {@code FlowRecord} has a {@code FlowState}), as
   * {@code java.nio.channels} and its {@code spi} do. The builder's bridge is the one edge into
   * internal that is allowed to close a cycle.
   */
  static final ArchRule NO_PACKAGE_CYCLES =
      slices()
          .assignedFrom(new PublishedSurfaceAsOneSlice())
          .should()
          .beFreeOfCycles()
          .ignoreDependency(FlowEngine.Builder.class, EngineConfig.class);

  private static final Path SOURCES = Path.of("src/main/java/io/flowengine");
  private static final Pattern PUBLIC_TYPE =
      Pattern.compile(
          "^public (final |abstract |sealed )*(class|interface|enum|record|@interface) ",
          Pattern.MULTILINE);

  @Test
  void api_dependsOnInternalOnlyThroughTheBuildersBridge() {
    API_DOES_NOT_DEPEND_ON_INTERNAL.check(MAIN);
    BUILDER_REACHES_INTERNAL_ONLY_THROUGH_ENGINE_CONFIG.check(MAIN);
  }

  @Test
  void spi_neverDependsOnInternal() {
    SPI_NEVER_DEPENDS_ON_INTERNAL.check(MAIN);
  }

  @Test
  void testing_neverDependsOnInternal() {
    TESTING_NEVER_DEPENDS_ON_INTERNAL.check(MAIN);
  }

  @Test
  void packages_haveNoCycles() {
    NO_PACKAGE_CYCLES.check(MAIN);
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
          if (!before.endsWith("*/")
              && !before.matches("(?s).*\\*/\\s*(@\\w+(\\([^)]*\\))?\\s*)+")) {
            undocumented.add(source.getFileName().toString());
          }
        }
      }
    }
    assertThat(undocumented).isEmpty();
  }

  private static List<Path> sources(String pkg) throws IOException {
    try (Stream<Path> files = Files.list(SOURCES.resolve(pkg))) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  /** Slices by package below {@code io.flowengine}, with the API and the SPI as one. */
  private static final class PublishedSurfaceAsOneSlice implements SliceAssignment {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
      String pkg = javaClass.getPackageName();
      if (pkg.equals("io.flowengine") || pkg.startsWith("io.flowengine.spi")) {
        return SliceIdentifier.of("api+spi");
      }
      if (pkg.startsWith("io.flowengine.")) {
        return SliceIdentifier.of(pkg.substring("io.flowengine.".length()).split("\\.")[0]);
      }
      return SliceIdentifier.ignore();
    }

    @Override
    public String getDescription() {
      return "packages of io.flowengine, the API and the SPI as one";
    }
  }
}
