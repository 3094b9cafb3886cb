package io.flowengine.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.Flow;
import io.flowengine.FlowEngine;
import io.flowengine.FlowState;
import io.flowengine.NewAsset;
import io.flowengine.NewFlow;
import io.flowengine.Template;
import io.flowengine.postgres.harness.PostgresExtension;
import io.flowengine.postgres.harness.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Three engines in this JVM as nodes of one cluster on one schema: started flows run on every node,
 * each exactly once (recorded in a table of the test's own), waiters on one node hear the others'
 * changes, and an abort on one node stops a step running on another within a second.
 */
@ExtendWith(PostgresExtension.class)
class ClusterOnPostgresTest {
  private static final Duration LEASE = Duration.ofSeconds(2);

  private final TestDatabase database;
  private final OpenStorages storages;
  private final String url;
  private final List<FlowEngine> nodes = new ArrayList<>();

  ClusterOnPostgresTest(TestDatabase database) throws Exception {
    this.database = database;
    this.storages = new OpenStorages(database);
    this.url = database.newSchema();
    try (Connection c = connect()) {
      c.createStatement()
          .execute("CREATE TABLE step_runs (flow_id text NOT NULL, node text NOT NULL)");
    }
  }

  @AfterEach
  void close() {
    nodes.forEach(FlowEngine::close);
    storages.close();
  }

  private Connection connect() throws Exception {
    return DriverManager.getConnection(url, database.user(), database.password());
  }

  private FlowEngine node(String id, Template template, int slots) {
    FlowEngine engine =
        FlowEngine.builder()
            .storage(storages.open(storages.builder(url).nodeId(id).lease(LEASE).cluster()))
            .template(template)
            .maxRunningFlows(slots)
            .build();
    nodes.add(engine);
    return engine;
  }

  private Template recording(String node) {
    return Template.builder("record")
        .inputTypes("text/plain")
        .step(
            ctx -> {
              try (Connection c = connect();
                  PreparedStatement insert =
                      c.prepareStatement("INSERT INTO step_runs VALUES (?, ?)")) {
                insert.setString(1, ctx.flow().id());
                insert.setString(2, node);
                insert.executeUpdate();
              }
            })
        .build();
  }

  private static NewFlow started() {
    return NewFlow.builder("record").input(NewAsset.text("x")).build();
  }

  @Test
  void flowsStartedOnAnyNode_runOnEveryNode_eachExactlyOnce() throws Exception {
    List<FlowEngine> three =
        List.of(
            node("a", recording("a"), 2),
            node("b", recording("b"), 2),
            node("c", recording("c"), 2));
    int count = 90;
    List<CompletableFuture<Flow>> done = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      FlowEngine creator = three.get(i % 3);
      Flow flow = creator.createFlow(started());
      done.add(three.get((i + 1) % 3).awaitFlow(flow.id())); // awaited on another node
    }
    for (CompletableFuture<Flow> future : done) {
      assertThat(future.get(60, TimeUnit.SECONDS).state()).isEqualTo(FlowState.COMPLETED);
    }
    Map<String, Integer> perNode = new HashMap<>();
    try (Connection c = connect();
        ResultSet rows =
            c.createStatement()
                .executeQuery(
                    "SELECT node, count(*), count(DISTINCT flow_id) FROM step_runs GROUP BY node")) {
      while (rows.next()) {
        assertThat(rows.getInt(2)).isEqualTo(rows.getInt(3));
        perNode.put(rows.getString(1), rows.getInt(2));
      }
    }
    assertThat(perNode.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(count);
    try (Connection c = connect();
        ResultSet row =
            c.createStatement().executeQuery("SELECT count(DISTINCT flow_id) FROM step_runs")) {
      row.next();
      assertThat(row.getInt(1)).isEqualTo(count);
    }
    assertThat(perNode).containsOnlyKeys("a", "b", "c"); // each node ran some
  }

  @Test
  void anAbortOnOneNode_stopsTheStepRunningOnAnother_withinASecond() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    Template blocking =
        Template.builder("record")
            .inputTypes("text/plain")
            .step(
                ctx -> {
                  entered.countDown();
                  try {
                    new CountDownLatch(1).await();
                  } catch (InterruptedException e) {
                    interrupted.countDown();
                    throw e;
                  }
                })
            .build();
    FlowEngine b = node("b", blocking, 4);
    Flow flow = b.createFlow(started());
    assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
    FlowEngine a = node("a", recording("a"), 4);
    CompletableFuture<Flow> aborted = a.awaitFlow(flow.id());

    long start = System.nanoTime();
    assertThat(a.abortFlow(flow.id()).state()).isEqualTo(FlowState.ABORTING);
    assertThat(aborted.get(5, TimeUnit.SECONDS).state()).isEqualTo(FlowState.ABORTED);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertThat(interrupted.getCount()).isZero();
    assertThat(millis).isLessThan(1000);
  }
}
