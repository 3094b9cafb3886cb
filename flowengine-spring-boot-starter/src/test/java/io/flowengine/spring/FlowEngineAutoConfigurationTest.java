package io.flowengine.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowengine.FlowEngine;
import io.flowengine.FlowState;
import io.flowengine.NewAsset;
import io.flowengine.NewFlow;
import io.flowengine.PayloadTooLargeException;
import io.flowengine.Template;
import io.flowengine.h2.H2Storage;
import io.flowengine.micrometer.FlowEngineMetrics;
import io.flowengine.spi.EngineStorage;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The auto-configured engine on memory and H2: templates, limits, metrics, health, shutdown. */
class FlowEngineAutoConfigurationTest {
  static final AutoConfigurations ALL =
      AutoConfigurations.of(
          FlowEngineAutoConfiguration.class,
          FlowEngineMetricsAutoConfiguration.class,
          FlowEngineHealthAutoConfiguration.class);

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(ALL)
          .withUserConfiguration(TestTemplates.ShoutTemplate.class);

  @TempDir Path dir;

  @Test
  void inMemoryByDefaultRunsATemplateBeanToCompleted() {
    runner.run(
        context -> {
          assertThat(context).hasNotFailed().hasSingleBean(FlowEngine.class);
          assertThat(context.getBean(EngineStorage.class).getClass().getSimpleName())
              .isEqualTo("MemoryStorage");
          FlowEngine engine = context.getBean(FlowEngine.class);
          assertThat(engine.getTemplate("shout").name()).isEqualTo("shout");
          assertThat(TestTemplates.shout(engine, "hello, spring").state())
              .isEqualTo(FlowState.COMPLETED);
        });
  }

  @Test
  void h2StorageKeepsFlowsInTheDirectoryAcrossContexts() {
    Path data = dir.resolve("data");
    String[] properties = {"flowengine.storage.kind=h2", "flowengine.storage.h2.directory=" + data};
    String[] id = new String[1];
    runner
        .withPropertyValues(properties)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(EngineStorage.class)).isInstanceOf(H2Storage.class);
              id[0] = TestTemplates.shout(context.getBean(FlowEngine.class), "durable").id();
            });
    assertThat(data.resolve(H2Storage.FILE_NAME)).exists();
    // The first context closed the engine and its storage, so a second one can open the file.
    runner
        .withPropertyValues(properties)
        .run(
            context ->
                assertThat(context.getBean(FlowEngine.class).getFlow(id[0]).state())
                    .isEqualTo(FlowState.COMPLETED));
  }

  @Test
  void theEngineClosesWithTheContext() {
    FlowEngine[] engine = new FlowEngine[1];
    runner.run(context -> engine[0] = context.getBean(FlowEngine.class));
    assertThatThrownBy(() -> engine[0].createFlow(NewFlow.of("shout")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void propertiesSetTheLimits() {
    runner
        .withPropertyValues("flowengine.limits.max-input-size=4B")
        .run(
            context -> {
              FlowEngine engine = context.getBean(FlowEngine.class);
              assertThatThrownBy(
                      () ->
                          engine.createFlow(
                              NewFlow.builder("shout").input(NewAsset.text("too long")).build()))
                  .isInstanceOf(PayloadTooLargeException.class);
              assertThat(engine.listFlows(io.flowengine.FlowQuery.builder().build()).items())
                  .isEmpty();
            });
  }

  @Test
  void maxRunningFlowsQueuesTheRestAndHealthShowsTheQueue() {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Template blocking =
        Template.builder("blocking")
            .inputTypes("text/plain")
            .step(
                ctx -> {
                  entered.countDown();
                  release.await();
                })
            .build();
    runner
        .withPropertyValues("flowengine.max-running-flows=1")
        .withBean("blocking", Template.class, () -> blocking)
        .run(
            context -> {
              FlowEngine engine = context.getBean(FlowEngine.class);
              var first =
                  engine.createFlow(NewFlow.builder("blocking").input(NewAsset.text("1")).build());
              assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
              var second =
                  engine.createFlow(NewFlow.builder("blocking").input(NewAsset.text("2")).build());
              Health health = context.getBean(FlowEngineHealthIndicator.class).health();
              assertThat(health.getStatus()).isEqualTo(Status.UP);
              assertThat(health.getDetails())
                  .containsEntry("storage", "UP")
                  .containsEntry("runningFlows", 1)
                  .containsEntry("queuedFlows", 1);
              assertThat(engine.getFlow(second.id()).state()).isEqualTo(FlowState.STARTING);
              release.countDown();
              engine.awaitFlow(first.id()).get(30, TimeUnit.SECONDS);
              assertThat(engine.awaitFlow(second.id()).get(30, TimeUnit.SECONDS).state())
                  .isEqualTo(FlowState.COMPLETED);
            });
  }

  @Test
  void healthGoesDownWhenTheH2DatabaseIsGone() {
    Path data = dir.resolve("data");
    runner
        .withPropertyValues("flowengine.storage.kind=h2", "flowengine.storage.h2.directory=" + data)
        .run(
            context -> {
              HealthIndicator health = context.getBean(FlowEngineHealthIndicator.class);
              assertThat(health.health().getStatus()).isEqualTo(Status.UP);
              // Another connection in this JVM shuts the database down under the engine.
              try (Connection sql =
                      org.h2.Driver.load().connect(H2Storage.jdbcUrl(data), new Properties());
                  Statement statement = sql.createStatement()) {
                statement.execute("SHUTDOWN");
              }
              Health down = health.health();
              assertThat(down.getStatus()).isEqualTo(Status.DOWN);
              assertThat(down.getDetails()).containsEntry("storage", "DOWN").containsKey("error");
            });
  }

  @Test
  void healthIsDownOnceTheEngineIsClosed() {
    runner.run(
        context -> {
          context.getBean(FlowEngine.class).close();
          assertThat(context.getBean(FlowEngineHealthIndicator.class).health().getStatus())
              .isEqualTo(Status.DOWN);
        });
  }

  @Test
  void metricsAreBoundWhenTheContextHasAMeterRegistry() {
    runner
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .withPropertyValues(
            "flowengine.storage.kind=h2", "flowengine.storage.h2.directory=" + dir.resolve("m"))
        .run(
            context -> {
              assertThat(context).hasSingleBean(FlowEngineMetrics.class);
              TestTemplates.shout(context.getBean(FlowEngine.class), "counted");
              MeterRegistry registry = context.getBean(MeterRegistry.class);
              assertThat(
                      registry
                          .get("flowengine.flows.completed")
                          .tag("template", "shout")
                          .counter()
                          .count())
                  .isEqualTo(1.0);
              assertThat(registry.get("flowengine.storage.commit.time").timer().count())
                  .isPositive();
              assertThat(registry.get("flowengine.flows.running").gauge().value()).isZero();
            });
  }

  @Test
  void noMetricsWithoutARegistryAndNoHealthWithoutActuator() {
    runner.run(context -> assertThat(context).doesNotHaveBean(FlowEngineMetrics.class));
    runner
        .withClassLoader(new FilteredClassLoader(HealthIndicator.class))
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .hasSingleBean(FlowEngine.class)
                    .doesNotHaveBean(FlowEngineHealthIndicator.class));
  }

  @Test
  void anApplicationsOwnEngineReplacesTheAutoConfiguredOne() throws Exception {
    try (FlowEngine own = FlowEngine.builder().build()) {
      runner
          .withBean(FlowEngine.class, () -> own)
          .withPropertyValues(
              "flowengine.storage.kind=h2", "flowengine.storage.h2.directory=" + dir.resolve("x"))
          .run(
              context -> {
                assertThat(context)
                    .hasSingleBean(FlowEngine.class)
                    .doesNotHaveBean(EngineStorage.class);
                assertThat(context.getBean(FlowEngine.class)).isSameAs(own);
                assertThat(context).hasSingleBean(FlowEngineHealthIndicator.class);
              });
      assertThat(Files.exists(dir.resolve("x"))).isFalse(); // no storage was opened
    }
  }

  @Test
  void anApplicationsOwnStorageIsUsed() {
    EngineStorage own = EngineStorage.inMemory();
    runner
        .withBean(EngineStorage.class, () -> own)
        .run(
            context -> {
              FlowEngine engine = context.getBean(FlowEngine.class);
              String id = TestTemplates.shout(engine, "own").id();
              assertThat(own.flows().find(id)).isPresent();
            });
  }

  @Test
  void h2WithoutTheStoreOnTheClassPathSaysWhatToAdd() {
    runner
        .withClassLoader(new FilteredClassLoader(H2Storage.class))
        .withPropertyValues(
            "flowengine.storage.kind=h2", "flowengine.storage.h2.directory=" + dir.resolve("y"))
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("flowengine.storage.kind is h2")
                    .hasMessageContaining("io.flowengine:engine-storage-h2"));
  }
}
