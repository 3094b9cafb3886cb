package io.flowengine.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Bad {@code flowengine.*} values stop the start-up with a message naming the property. */
class FlowEnginePropertiesTest {
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withConfiguration(FlowEngineAutoConfigurationTest.ALL);

  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "flowengine.max-running-flows=-1 | flowengine.max-running-flows must be positive: -1",
        "flowengine.max-running-flows=0 | flowengine.max-running-flows must be positive: 0",
        "flowengine.shutdown-timeout=-1s | flowengine.shutdown-timeout must not be negative",
        "flowengine.storage.kind=h2 | flowengine.storage.h2.directory must be set",
        "flowengine.limits.max-input-size=-1MB | flowengine.limits.max-input-size must be positive",
        "flowengine.limits.max-parameters=0 | flowengine.limits.max-parameters must be positive",
        "flowengine.limits.max-additional-size=3GB | flowengine.limits.max-additional-size must be",
        "flowengine.storage.postgres.pool-size=5 | flowengine.storage.postgres.username, password"
      })
  void aBadValueFailsTheStartNamingTheProperty(String property, String message) {
    runner
        .withPropertyValues(property)
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining(message));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "flowengine.storage.kind=cassandra | flowengine.storage.kind",
        "flowengine.max-running-flows=many | flowengine.max-running-flows",
        "flowengine.storage.h2.durability=sometimes | flowengine.storage.h2.durability",
        "flowengine.limits.max-output-size=huge | flowengine.limits.max-output-size"
      })
  void aValueOfTheWrongTypeFailsTheStartNamingTheProperty(String property, String name) {
    runner
        .withPropertyValues(property)
        .run(
            context -> {
              assertThat(context).hasFailed();
              BindException bind = findBindException(context.getStartupFailure());
              assertThat(bind.getProperty()).isNotNull();
              assertThat(bind.getProperty().getName().toString()).isEqualTo(name);
              assertThat(bind).hasMessageContaining(name);
            });
  }

  @Test
  void postgresWithoutAUrlOrADataSourceSaysWhatIsMissing() {
    runner
        .withPropertyValues("flowengine.storage.kind=postgres")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("flowengine.storage.postgres.url is not set")
                    .hasMessageContaining("DataSource"));
  }

  @Test
  void goodValuesBind() {
    runner
        .withPropertyValues(
            "flowengine.storage.kind=H2",
            "flowengine.storage.h2.directory=" + dir,
            "flowengine.storage.h2.durability=write-delayed",
            "flowengine.max-running-flows=3",
            "flowengine.shutdown-timeout=2s",
            "flowengine.recovery-policy=fail",
            "flowengine.limits.max-input-size=1KB",
            "flowengine.limits.max-stored-size-per-account=20GB")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              FlowEngineProperties properties = context.getBean(FlowEngineProperties.class);
              assertThat(properties.storage().kind()).isEqualTo(StorageKind.H2);
              assertThat(properties.storage().h2().durability())
                  .isEqualTo(H2Properties.Durability.WRITE_DELAYED);
              assertThat(properties.maxRunningFlows()).isEqualTo(3);
              assertThat(properties.shutdownTimeout()).hasSeconds(2);
              assertThat(properties.recoveryPolicy()).isEqualTo(io.flowengine.RecoveryPolicy.FAIL);
              assertThat(properties.limits().toEngineLimits().maxInputBytes()).isEqualTo(1024);
              assertThat(properties.limits().toEngineLimits().maxStoredBytesPerAccount())
                  .isEqualTo(20L << 30);
              assertThat(properties.limits().toEngineLimits().maxInputsPerFlow())
                  .isEqualTo(io.flowengine.EngineLimits.defaults().maxInputsPerFlow());
            });
  }

  @Test
  void thePasswordStaysOutOfToString() {
    assertThat(new PostgresProperties("jdbc:postgresql://h/d", "u", "secret", null, false))
        .hasToString(
            "PostgresProperties[url=jdbc:postgresql://h/d, username=u, password=****,"
                + " poolSize=null, cluster=false]");
  }

  private static BindException findBindException(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof BindException bind) {
        return bind;
      }
    }
    throw new AssertionError("no BindException in " + failure, failure);
  }
}
