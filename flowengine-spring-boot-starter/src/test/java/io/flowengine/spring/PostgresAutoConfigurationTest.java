package io.flowengine.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.flowengine.FlowEngine;
import io.flowengine.FlowState;
import io.flowengine.postgres.PostgresStorage;
import io.flowengine.postgres.harness.PostgresExtension;
import io.flowengine.postgres.harness.TestDatabase;
import io.flowengine.spi.EngineStorage;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The auto-configured engine on a throwaway PostgreSQL: by URL and on the application's pool. */
@ExtendWith(PostgresExtension.class)
class PostgresAutoConfigurationTest {
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(FlowEngineAutoConfigurationTest.ALL)
          .withUserConfiguration(TestTemplates.ShoutTemplate.class);

  @Test
  void byUrlAndCredentials(TestDatabase database) throws Exception {
    List<String> properties = new ArrayList<>();
    properties.add("flowengine.storage.kind=postgres");
    properties.add("flowengine.storage.postgres.url=" + database.newSchema());
    if (database.user() != null) {
      properties.add("flowengine.storage.postgres.username=" + database.user());
      properties.add(
          "flowengine.storage.postgres.password="
              + (database.password() == null ? "" : database.password()));
    }
    properties.add("flowengine.storage.postgres.pool-size=4");
    runner
        .withPropertyValues(properties.toArray(String[]::new))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(EngineStorage.class)).isInstanceOf(PostgresStorage.class);
              FlowEngine engine = context.getBean(FlowEngine.class);
              assertThat(TestTemplates.shout(engine, "on postgres").state())
                  .isEqualTo(FlowState.COMPLETED);
              assertThat(context.getBean(FlowEngineHealthIndicator.class).health().getStatus())
                  .isEqualTo(Status.UP);
            });
  }

  @Test
  void onTheApplicationsDataSourceAndDownWhenItIsGone(TestDatabase database) throws Exception {
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(database.newSchema());
    if (database.user() != null) {
      pool.setUsername(database.user());
      pool.setPassword(database.password());
    }
    try (pool) {
      runner
          .withBean(DataSource.class, () -> pool)
          .withPropertyValues("flowengine.storage.kind=postgres")
          .run(
              context -> {
                assertThat(context).hasNotFailed();
                FlowEngine engine = context.getBean(FlowEngine.class);
                String id = TestTemplates.shout(engine, "borrowed").id();
                try (var sql = pool.getConnection();
                    var statement = sql.createStatement();
                    var rows = statement.executeQuery("SELECT count(*) FROM flowengine_flows")) {
                  rows.next();
                  assertThat(rows.getInt(1)).isEqualTo(1); // the flow is in the app's database
                }
                FlowEngineHealthIndicator health = context.getBean(FlowEngineHealthIndicator.class);
                assertThat(health.health().getStatus()).isEqualTo(Status.UP);
                pool.close(); // the application's pool is gone under the engine
                Health down = health.health();
                assertThat(down.getStatus()).isEqualTo(Status.DOWN);
                assertThat(down.getDetails()).containsEntry("storage", "DOWN");
                assertThat(id).isNotEmpty();
              });
    }
  }
}
