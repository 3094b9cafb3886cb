package io.flowengine.module;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * engine-core is the module {@code io.flowengine} for a consumer on the module path: it exports the
 * API, the SPI and the test support and nothing else, an application that requires it builds and
 * runs an engine, and the implementation package is closed to it at compile time and at run time.
 * The consumer is compiled with javac and run in a child JVM of the same JDK.
 */
class ModulePathTest {
  private static final String CONSUMER_MODULE =
      """
      module consumer {
        requires io.flowengine;
      }
      """;

  private static final String MAIN =
      """
      package consumer;

      import io.flowengine.Flow;
      import io.flowengine.FlowEngine;
      import io.flowengine.NewAsset;
      import io.flowengine.NewFlow;
      import io.flowengine.Template;
      import java.nio.charset.StandardCharsets;
      import java.util.Locale;

      public final class Main {
        private Main() {}

        public static void main(String[] args) throws Exception {
          Template shout = Template.builder("shout")
              .inputTypes("text/plain").outputTypes("text/plain")
              .step(ctx -> {
                for (var input : ctx.inputs()) {
                  String text = new String(ctx.open(input).readAllBytes(), StandardCharsets.UTF_8);
                  ctx.writeOutput("text/plain",
                      text.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8), input);
                }
              })
              .build();
          try (FlowEngine engine = FlowEngine.builder().template(shout).build()) {
            Flow flow = engine.createFlow(
                NewFlow.builder("shout").input(NewAsset.text("hello, modules")).build());
            Flow done = engine.awaitFlow(flow.id()).join();
            String result = engine.getOutput(
                flow.id(), engine.listOutputs(flow.id()).getFirst().id()).text();
            System.out.println("module " + FlowEngine.class.getModule().getName());
            System.out.println(done.state().wireName() + ": " + result);
          }
          Class<?> internal = Class.forName("io.flowengine.internal.EngineConfig");
          try {
            internal.getField("DEFAULT_MAX_RUNNING").getInt(null); // public, in a closed package
            System.out.println("internal: accessible");
          } catch (IllegalAccessException e) {
            System.out.println("internal: " + e.getClass().getSimpleName());
          }
        }
      }
      """;

  @Test
  void descriptor_exportsTheApiSpiAndTestSupportOnly() {
    ModuleDescriptor descriptor =
        ModuleFinder.of(Path.of("target/classes")).find("io.flowengine").orElseThrow().descriptor();
    Set<String> exported =
        descriptor.exports().stream()
            .map(ModuleDescriptor.Exports::source)
            .collect(Collectors.toSet());
    assertThat(exported)
        .containsExactlyInAnyOrder("io.flowengine", "io.flowengine.spi", "io.flowengine.testing");
    assertThat(descriptor.exports()).noneMatch(ModuleDescriptor.Exports::isQualified);
    assertThat(descriptor.opens()).isEmpty();
    assertThat(descriptor.packages()).contains("io.flowengine.internal");
  }

  @Test
  void consumerOnTheModulePath_runsAnEngine_andCannotReachInternal(@TempDir Path dir)
      throws Exception {
    ModuleConsumer consumer =
        new ModuleConsumer(dir)
            .write(Map.of("module-info.java", CONSUMER_MODULE, "consumer/Main.java", MAIN));
    assertThat(consumer.compile()).isEmpty();
    assertThat(consumer.run("consumer", "consumer.Main"))
        .contains("module io.flowengine\n")
        .contains("completed: HELLO, MODULES\n")
        .contains("internal: IllegalAccessException\n")
        .endsWith("exit 0");
  }

  @Test
  void consumerImportingInternal_doesNotCompile(@TempDir Path dir) throws Exception {
    ModuleConsumer consumer =
        new ModuleConsumer(dir)
            .write(
                Map.of(
                    "module-info.java",
                    CONSUMER_MODULE,
                    "consumer/Peek.java",
                    """
                package consumer;

                public final class Peek {
                  private Peek() {}

                  public static Object peek() {
                    return io.flowengine.internal.EngineConfig.class;
                  }
                }
                """));
    assertThat(consumer.compile())
        .contains(
            "package io.flowengine.internal is declared in module io.flowengine, which does"
                + " not export it");
  }
}
