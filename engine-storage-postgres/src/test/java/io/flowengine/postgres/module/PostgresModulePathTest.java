package io.flowengine.postgres.module;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.postgres.harness.PostgresExtension;
import io.flowengine.postgres.harness.TestDatabase;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * engine-storage-postgres is the module {@code io.flowengine.postgres} for a consumer on the module
 * path: it exports {@code io.flowengine.postgres} only, and an application that requires it (and
 * through it {@code io.flowengine} and {@code java.sql}) runs a flow on PostgreSQL, with the driver
 * and the pool resolved as modules. The consumer is compiled with javac and run in a child JVM.
 */
@ExtendWith(PostgresExtension.class)
class PostgresModulePathTest {

  @Test
  void descriptor_exportsTheStoragePackageOnly() {
    ModuleDescriptor descriptor =
        ModuleFinder.of(Path.of("target/classes"))
            .find("io.flowengine.postgres")
            .orElseThrow()
            .descriptor();
    assertThat(descriptor.exports())
        .singleElement()
        .satisfies(e -> assertThat(e.source()).isEqualTo("io.flowengine.postgres"))
        .satisfies(e -> assertThat(e.isQualified()).isFalse());
    assertThat(descriptor.opens()).isEmpty();
  }

  @Test
  void consumerOnTheModulePath_runsAFlowOnPostgres(@TempDir Path dir, TestDatabase database)
      throws Exception {
    ModuleConsumer consumer =
        new ModuleConsumer(dir)
            .write(
                Map.of(
                    "module-info.java",
                    """
                module consumer {
                  requires io.flowengine.postgres;
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
                import io.flowengine.postgres.PostgresStorage;

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
                    PostgresStorage.Builder storage = PostgresStorage.builder().url(args[0]);
                    if (!args[1].equals("-")) {
                      storage.credentials(args[1], "");
                    }
                    try (FlowEngine engine =
                        FlowEngine.builder().storage(storage.open()).template(echo).build()) {
                      Flow flow = engine.createFlow(
                          NewFlow.builder("echo").input(NewAsset.text("stored")).build());
                      Flow done = engine.awaitFlow(flow.id()).join();
                      String result = engine.getOutput(
                          flow.id(), engine.listOutputs(flow.id()).getFirst().id()).text();
                      System.out.println("module " + PostgresStorage.class.getModule().getName());
                      System.out.println(done.state().wireName() + ": " + result);
                    }
                  }
                }
                """));
    assertThat(consumer.compile()).isEmpty();
    assertThat(
            consumer.run(
                "consumer",
                "consumer.Main",
                database.newSchema(),
                database.user() == null ? "-" : database.user()))
        .contains("module io.flowengine.postgres\n")
        .contains("completed: stored\n")
        .endsWith("exit 0");
  }
}
