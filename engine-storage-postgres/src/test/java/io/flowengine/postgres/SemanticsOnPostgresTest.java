package io.flowengine.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.CreateFlowResult;
import io.flowengine.Flow;
import io.flowengine.FlowEngine;
import io.flowengine.FlowHistory;
import io.flowengine.FlowQuery;
import io.flowengine.FlowState;
import io.flowengine.FlowTransition;
import io.flowengine.NewAsset;
import io.flowengine.NewFlow;
import io.flowengine.RetryPolicy;
import io.flowengine.Template;
import io.flowengine.jdbc.ParameterCodec;
import io.flowengine.postgres.harness.PostgresExtension;
import io.flowengine.postgres.harness.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Idempotency keys, retries, delayed starts and history on PostgreSQL: two cluster nodes racing
 * creates with one key store one flow, a retried flow's schedule and history are in its row, and a
 * version 2 schema migrates to the latest version with its rows intact.
 */
@ExtendWith(PostgresExtension.class)
class SemanticsOnPostgresTest {
  private static final Duration LEASE = Duration.ofSeconds(2);
  private static final Template ECHO =
      Template.builder("echo")
          .inputTypes("text/plain")
          .outputTypes("text/plain")
          .step(c -> {})
          .build();

  private final TestDatabase database;
  private final OpenStorages storages;
  private final List<FlowEngine> nodes = new ArrayList<>();

  SemanticsOnPostgresTest(TestDatabase database) {
    this.database = database;
    this.storages = new OpenStorages(database);
  }

  @AfterEach
  void close() {
    nodes.forEach(FlowEngine::close);
    storages.close();
  }

  private FlowEngine node(String url, String id, Template template) {
    FlowEngine engine =
        FlowEngine.builder()
            .storage(storages.open(storages.builder(url).nodeId(id).lease(LEASE).cluster()))
            .template(template)
            .build();
    nodes.add(engine);
    return engine;
  }

  @Test
  void racingCreates_onTwoNodes_withOneKey_storeOneFlow() throws Exception {
    String url = database.newSchema();
    FlowEngine a = node(url, "node-a", ECHO);
    FlowEngine b = node(url, "node-b", ECHO);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int round = 0; round < 10; round++) {
        String key = "race-" + round;
        List<Callable<CreateFlowResult.Created>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          FlowEngine engine = i % 2 == 0 ? a : b;
          calls.add(
              () ->
                  engine.createFlowIdempotently(
                      NewFlow.builder("echo")
                          .input(NewAsset.text("same"))
                          .idempotencyKey(key)
                          .build()));
        }
        int created = 0;
        Set<String> ids = new HashSet<>();
        for (Future<CreateFlowResult.Created> answer :
            pool.invokeAll(calls, 60, TimeUnit.SECONDS)) {
          CreateFlowResult.Created result = answer.get();
          created += result.existing() ? 0 : 1;
          ids.add(result.flow().id());
        }
        assertThat(created).isEqualTo(1);
        assertThat(ids).hasSize(1);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(a.listFlows(FlowQuery.builder().limit(100).build()).items()).hasSize(10);
  }

  @Test
  void retriedFlow_onACluster_keepsItsScheduleAndHistory_andCompletes() throws Exception {
    String url = database.newSchema();
    AtomicInteger runs = new AtomicInteger();
    Template flaky =
        Template.builder("flaky")
            .inputTypes("text/plain")
            .outputTypes("text/plain")
            .step(
                context -> {
                  if (runs.incrementAndGet() == 1) {
                    throw new IllegalStateException("first run fails");
                  }
                })
            .retry(
                RetryPolicy.builder().maxAttempts(2).fixedBackoff(Duration.ofMillis(200)).build())
            .build();
    FlowEngine engine = node(url, "node-a", flaky);
    Flow flow = engine.createFlow(NewFlow.builder("flaky").input(NewAsset.text("x")).build());
    Flow done = engine.awaitFlow(flow.id()).get(30, TimeUnit.SECONDS);
    assertThat(done.state()).isEqualTo(FlowState.COMPLETED);
    assertThat(done.attempt()).isEqualTo(2);
    assertThat(done.lastError()).isEqualTo("first run fails");
    FlowHistory history = engine.history(flow.id());
    assertThat(history.transitions())
        .extracting(FlowTransition::to)
        .containsExactly(
            FlowState.STARTING, FlowState.RUNNING, FlowState.RUNNING, FlowState.COMPLETED);
    assertThat(history.transitions().get(2).error()).isEqualTo("first run fails");
  }

  @Test
  void delayedStart_onACluster_waitsForItsTime() throws Exception {
    String url = database.newSchema();
    FlowEngine engine = node(url, "node-a", ECHO);
    Instant at = Instant.now().plusMillis(300);
    Flow flow = engine.createFlow(NewFlow.builder("echo").startAt(at).build());
    assertThat(engine.getFlow(flow.id()).startAt()).isNotNull();
    Flow done = engine.awaitFlow(flow.id()).get(30, TimeUnit.SECONDS);
    assertThat(done.state()).isEqualTo(FlowState.COMPLETED);
    assertThat(done.startedAt()).isNotNull();
    List<FlowTransition> changes = engine.history(flow.id()).transitions();
    assertThat(changes.get(1).to()).isEqualTo(FlowState.RUNNING);
    assertThat(changes.get(1).at())
        .isAfterOrEqualTo(at.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
  }

  @Test
  void versionTwoSchema_migratesToThree_andItsRowsReadOnTheirFirstAttempt() throws Exception {
    String url = database.newSchema();
    String id = "0123456789abcdef01234567";
    try (Connection c = DriverManager.getConnection(url, database.user(), database.password())) {
      SchemaMigrations two = new SchemaMigrations(SchemaMigrations.current().steps().subList(0, 2));
      assertThat(two.migrate(c, new PostgresFailures("test db"))).isZero();
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO flowengine_flows (id, template_id, template_name, state, progress,"
                  + " parameters, input_ids, created_us, version) VALUES (?, ?, 'echo', 0, 0, ?,"
                  + " '{}', 1767225600000000, 0)")) {
        insert.setString(1, id);
        insert.setString(2, ECHO.id());
        insert.setBytes(3, ParameterCodec.encode(io.flowengine.Parameters.empty()));
        insert.executeUpdate();
      }
    }
    FlowEngine engine =
        FlowEngine.builder().storage(storages.open(storages.builder(url))).template(ECHO).build();
    nodes.add(engine);
    Flow old = engine.getFlow(id);
    assertThat(old.attempt()).isEqualTo(1);
    assertThat(engine.history(id)).isEqualTo(FlowHistory.EMPTY);
    engine.startFlow(id);
    assertThat(engine.awaitFlow(id).get(30, TimeUnit.SECONDS).state())
        .isEqualTo(FlowState.COMPLETED);
    assertThat(engine.history(id).transitions()).hasSize(3);
    try (Connection c = DriverManager.getConnection(url, database.user(), database.password());
        ResultSet row = c.createStatement().executeQuery("SELECT version FROM flowengine_schema")) {
      row.next();
      assertThat(row.getInt(1)).isEqualTo(SchemaMigrations.current().latest());
    }
  }
}
