package io.flowengine.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.postgres.harness.PostgresExtension;
import io.flowengine.postgres.harness.TestDatabase;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.PGConnection;

/**
 * Cluster mode with real processes: three child JVMs ({@link ClusterNodeProcess}) on one schema.
 * Every flow completes exactly once with no node lost; with one node killed ({@code kill -9})
 * mid-run, its flows finish on the others within twice the lease and none is lost. The number of
 * flows is {@code -Dflowengine.cluster.flows} (default 600: 200 created by each node).
 */
@ExtendWith(PostgresExtension.class)
class ClusterProcessesTest {
  private static final int FLOWS = Integer.getInteger("flowengine.cluster.flows", 600);
  private static final long LEASE_MILLIS = 2000;

  private final TestDatabase database;
  private final String url;
  private final List<Process> children = new ArrayList<>();
  private final List<BlockingQueue<String>> outputs = new ArrayList<>();

  ClusterProcessesTest(TestDatabase database) throws Exception {
    this.database = database;
    this.url = database.newSchema();
    try (Connection c = connect()) {
      c.createStatement()
          .execute("CREATE TABLE step_runs (flow_id text NOT NULL, node text NOT NULL)");
    }
  }

  @AfterEach
  void stopChildren() throws Exception {
    for (Process child : children) {
      child.getOutputStream().close();
    }
    for (Process child : children) {
      if (!child.waitFor(20, TimeUnit.SECONDS)) {
        child.destroyForcibly();
      }
    }
  }

  private Connection connect() throws Exception {
    return DriverManager.getConnection(url, database.user(), database.password());
  }

  private void start(String node, int flows, long stepMillis) throws Exception {
    String java = ProcessHandle.current().info().command().orElseThrow();
    File log = new File("target/cluster-" + node + "-" + System.nanoTime() + ".log");
    Process child =
        new ProcessBuilder(
                java,
                "-Xmx128m",
                "-cp",
                System.getProperty("java.class.path"),
                ClusterNodeProcess.class.getName(),
                url,
                database.user() == null ? "-" : database.user(),
                database.password() == null ? "-" : database.password(),
                node,
                Long.toString(LEASE_MILLIS),
                "8",
                Integer.toString(flows),
                Long.toString(stepMillis))
            .redirectError(log)
            .start();
    children.add(child);
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    outputs.add(lines);
    Thread.ofVirtual()
        .start(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                  lines.add(line);
                }
              } catch (java.io.IOException e) {
                lines.add("EOF " + e);
              }
            });
  }

  private void await(int child, String line) throws Exception {
    String got;
    do {
      got = outputs.get(child).poll(60, TimeUnit.SECONDS);
      assertThat(got).as("node %s said %s", child, line).isNotNull();
    } while (!line.equals(got));
  }

  private long scalar(String sql) throws Exception {
    try (Connection c = connect();
        ResultSet row = c.createStatement().executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    }
  }

  /** Waits, on the flows' own notifications, until {@code sql} counts at least {@code goal}. */
  private void awaitCount(String sql, long goal, long timeoutMillis) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    try (Connection c = connect()) {
      c.createStatement().execute("LISTEN " + SchemaV2.CHANNEL);
      PGConnection pg = c.unwrap(PGConnection.class);
      while (scalar(sql) < goal) {
        assertThat(System.nanoTime()).as("waiting for %s >= %s", sql, goal).isLessThan(deadline);
        pg.getNotifications(500);
      }
    }
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void threeNodes_runEveryFlowExactlyOnce() throws Exception {
    for (String node : List.of("a", "b", "c")) {
      start(node, FLOWS / 3, 0);
    }
    long begin = System.nanoTime();
    for (int i = 0; i < 3; i++) {
      await(i, "CREATED");
    }
    awaitCount("SELECT count(*) FROM flowengine_flows WHERE state = 4", FLOWS, 180_000);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);

    assertThat(scalar("SELECT count(*) FROM flowengine_flows")).isEqualTo(FLOWS);
    assertThat(scalar("SELECT count(*) FROM step_runs")).isEqualTo(FLOWS);
    assertThat(scalar("SELECT count(DISTINCT flow_id) FROM step_runs")).isEqualTo(FLOWS);
    assertThat(scalar("SELECT count(DISTINCT node) FROM step_runs")).isEqualTo(3);
    System.out.printf(
        "exactly once: %d flows on 3 nodes in %d ms; per node: %s%n", FLOWS, millis, perNode());
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void aNodeKilledMidRun_losesItsFlowsToTheOthers_withinTwoLeases() throws Exception {
    for (String node : List.of("a", "b", "c")) {
      start(node, FLOWS / 3, 200);
    }
    for (int i = 0; i < 3; i++) {
      await(i, "CREATED");
    }
    List<String> orphaned = new ArrayList<>();
    long killed = 0;
    for (int attempt = 1; orphaned.isEmpty() && attempt <= 10; attempt++) {
      awaitCount("SELECT count(*) FROM step_runs WHERE node = 'b'", 10L * attempt, 120_000);
      try (Connection c = connect();
          ResultSet rows =
              c.createStatement()
                  .executeQuery(
                      "SELECT id FROM flowengine_flows WHERE owner_node = 'b' AND state IN (1, 2)")) {
        while (rows.next()) {
          orphaned.add(rows.getString(1));
        }
      }
      if (!orphaned.isEmpty()) {
        children.get(1).destroyForcibly(); // SIGKILL, while it owns these
        killed = System.nanoTime();
      }
    }
    assertThat(children.get(1).waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(orphaned).isNotEmpty();
    awaitCount(
        "SELECT count(*) FROM flowengine_flows WHERE state = 4 AND id = ANY('{"
            + String.join(",", orphaned)
            + "}')",
        orphaned.size(),
        30_000);
    long recoveredMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed);
    awaitCount("SELECT count(*) FROM flowengine_flows WHERE state = 4", FLOWS, 180_000);

    assertThat(scalar("SELECT count(*) FROM flowengine_flows")).isEqualTo(FLOWS);
    assertThat(scalar("SELECT count(DISTINCT flow_id) FROM step_runs")).isEqualTo(FLOWS);
    System.out.printf(
        "kill -9: %d flows of the killed node finished on the others %d ms after the kill"
            + " (lease %d ms); step runs %d for %d flows%n",
        orphaned.size(),
        recoveredMillis,
        LEASE_MILLIS,
        scalar("SELECT count(*) FROM step_runs"),
        FLOWS);
    assertThat(recoveredMillis).isLessThanOrEqualTo(2 * LEASE_MILLIS + 1000);
  }

  private String perNode() throws Exception {
    StringBuilder out = new StringBuilder();
    try (Connection c = connect();
        ResultSet rows =
            c.createStatement()
                .executeQuery("SELECT node, count(*) FROM step_runs GROUP BY node ORDER BY node")) {
      while (rows.next()) {
        out.append(rows.getString(1)).append('=').append(rows.getLong(2)).append(' ');
      }
    }
    return out.toString().trim();
  }
}
