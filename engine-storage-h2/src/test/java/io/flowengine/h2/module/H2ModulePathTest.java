package io.flowengine.h2.module;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * engine-storage-h2 is the module {@code io.flowengine.h2} for a consumer on the module path: it
 * exports {@code io.flowengine.h2} only, and an application that requires it (and through it {@code
 * io.flowengine}) runs a flow on an H2 file. The consumer is compiled with javac and run in a child
 * JVM of the same JDK.
 */
class H2ModulePathTest {

  @Test
  void descriptor_exportsTheStoragePackageOnly() {
    ModuleDescriptor descriptor =
        ModuleFinder.of(Path.of("target/classes"))
            .find("io.flowengine.h2")
            .orElseThrow()
            .descriptor();
    assertThat(descriptor.exports())
        .singleElement()
        .satisfies(e -> assertThat(e.source()).isEqualTo("io.flowengine.h2"))
        .satisfies(e -> assertThat(e.isQualified()).isFalse());
    assertThat(descriptor.opens()).isEmpty();
  }

  @Test
  void consumerOnTheModulePath_runsAFlowOnAnH2File(@TempDir Path dir) throws Exception {
    ModuleConsumer consumer =
        new ModuleConsumer(dir)
            .write(
                Map.of(
                    "module-info.java",
                    """
                module consumer {
                  requires io.flowengine.h2;
                }
                """,
                    "consumer/Main.java",
                    """
                package consumer;

                import io.flowengine.Flow;
                import io.flowengine.FlowEngine;
                import io.flowengine.NewAsset;
                import io.flowengine.NewFlow;
                import io.flowengine.Template;
                import io.flowengine.h2.H2Storage;
                import java.nio.charset.StandardCharsets;
                import java.nio.file.Path;

                public final class Main {
                  private Main() {}

                  public static void main(String[] args) {
                    Template echo = Template.builder("echo")
                        .inputTypes("text/plain").outputTypes("text/plain")
                        .step(ctx -> {
                          for (var input : ctx.inputs()) {
                            ctx.writeOutput("text/plain", ctx.open(input).readAllBytes(), input);
                          }
                        })
                        .build();
                    try (FlowEngine engine = FlowEngine.builder()
                        .storage(H2Storage.open(Path.of(args[0]))).template(echo).build()) {
                      Flow flow = engine.createFlow(
                          NewFlow.builder("echo").input(NewAsset.text("stored")).build());
                      Flow done = engine.awaitFlow(flow.id()).join();
                      String result = engine.getOutput(
                          flow.id(), engine.listOutputs(flow.id()).getFirst().id()).text();
                      System.out.println("module " + H2Storage.class.getModule().getName());
                      System.out.println(done.state().wireName() + ": " + result);
                    }
                  }
                }
                """));
    assertThat(consumer.compile()).isEmpty();
    assertThat(consumer.run("consumer", "consumer.Main", dir.resolve("data").toString()))
        .contains("module io.flowengine.h2\n")
        .contains("completed: stored\n")
        .endsWith("exit 0");
    assertThat(dir.resolve("data/flowengine.mv.db")).exists();
  }
}
