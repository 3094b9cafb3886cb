package io.flowengine.postgres;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.Flow;
import io.flowengine.FlowEngine;
import io.flowengine.FlowState;
import io.flowengine.FlowTransition;
import io.flowengine.NewAsset;
import io.flowengine.NewFlow;
import io.flowengine.Step;
import io.flowengine.StorageException;
import io.flowengine.Template;
import io.flowengine.postgres.harness.PostgresExtension;
import io.flowengine.postgres.harness.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Issue 14 on a real server, deterministically: a cluster node's connections are terminated just
 * before a run's dispatch is queued ({@link BreaksConnectionsBeforeDispatch}), so the dispatch
 * fails unstored, as in a {@code pg_ctl restart}. A step that then fails must leave the flow FAILED
 * with its error, not COMPLETED without an output (what the restart test found); a step that
 * succeeds completes it with its output. The step begins once the dispatch failed, so its own
 * writes come after the break; and the storage is on a {@link DataSource} without a pool, so no
 * call after the break is handed a connection that broke with it: only the group commit's writer
 * and the LISTEN connection were open then, and both reconnect.
 */
@ExtendWith(PostgresExtension.class)
class LostDispatchOnPostgresTest {
  private final TestDatabase database;
  private final OpenStorages storages;
  private final String url;
  private final Connection admin;

  LostDispatchOnPostgresTest(TestDatabase database) throws Exception {
    this.database = database;
    this.storages = new OpenStorages(database);
    this.url = database.newSchema();
    this.admin = DriverManager.getConnection(url, database.user(), database.password());
  }

  @AfterEach
  void close() throws Exception {
    storages.close();
    admin.close();
  }

  @Test
  void aStepFailingAfterItsDispatchWasLost_failsTheFlow() throws Exception {
    Flow end =
        runOne(
            ctx -> {
              throw new IllegalStateException("the step's own write met the restart");
            });

    assertThat(end.state()).isEqualTo(FlowState.FAILED);
    assertThat(end.error()).isEqualTo("the step's own write met the restart");
    assertThat(outputs(end.id())).isZero();
  }

  @Test
  void aStepSucceedingAfterItsDispatchWasLost_completesTheFlowWithItsOutput() throws Exception {
    Flow end = runOne(ctx -> ctx.writeOutput("text/plain", "done".getBytes(UTF_8)));

    assertThat(end.state()).isEqualTo(FlowState.COMPLETED);
    assertThat(outputs(end.id())).isEqualTo(1);
  }

  /** Runs one flow of {@code step} on a node whose first dispatch meets broken connections. */
  private Flow runOne(Step step) throws Exception {
    PGSimpleDataSource unpooled = new PGSimpleDataSource();
    unpooled.setURL(url);
    if (database.user() != null) {
      unpooled.setUser(database.user());
      unpooled.setPassword(database.password());
    }
    unpooled.setApplicationName("lost-dispatch");
    BreaksConnectionsBeforeDispatch storage =
        new BreaksConnectionsBeforeDispatch(
            storages.open(
                PostgresStorage.builder().dataSource(unpooled).nodeId("lost-dispatch").cluster()),
            "lost-dispatch",
            admin);
    Step afterTheDispatchFailed =
        ctx -> {
          storage.dispatch.get(10, TimeUnit.SECONDS);
          step.run(ctx);
        };
    Template template =
        Template.builder("t")
            .inputTypes("text/plain")
            .outputTypes("text/plain")
            .step(afterTheDispatchFailed)
            .build();
    try (FlowEngine engine = FlowEngine.builder().storage(storage).template(template).build()) {
      Flow flow = engine.createFlow(NewFlow.builder("t").input(NewAsset.text("x")).build());
      Flow end = engine.awaitFlow(flow.id()).get(60, TimeUnit.SECONDS);

      assertThat(storage.dispatch.get(10, TimeUnit.SECONDS))
          .as("the run's dispatch failed, unstored")
          .isInstanceOf(StorageException.class);
      assertThat(engine.history(flow.id()).transitions())
          .extracting(FlowTransition::to)
          .containsExactly(FlowState.STARTING, FlowState.RUNNING, end.state());
      return end;
    }
  }

  private long outputs(String flowId) throws Exception {
    try (PreparedStatement count =
        admin.prepareStatement(
            "SELECT count(*) FROM flowengine_assets WHERE flow_id = ? AND role = 1")) {
      count.setString(1, flowId);
      try (ResultSet row = count.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }
}
