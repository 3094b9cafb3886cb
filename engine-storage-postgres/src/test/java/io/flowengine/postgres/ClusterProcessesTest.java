package io.flowengine.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.postgres.harness.PostgresExtension;
import io.flowengine.postgres.harness.TestDatabase;
import io.flowengine.postgres.harness.ThrowawayCluster;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.PGConnection;

/**
 * Cluster mode with real processes: three child JVMs ({@link ClusterNodeProcess}) on one schema.
 * Every flow completes exactly once with no node lost; with one node killed ({@code kill -9})
 * mid-run, its flows finish on the others within twice the lease and none is lost; with one node
 * paused ({@code SIGSTOP}) past its lease, the others finish its flows and, woken ({@code
 * SIGCONT}), it interrupts its steps and has their late outputs refused; with the server restarted
 * ({@code pg_ctl restart}) mid-run, every flow ends terminal, none twice, each completed one with
 * its output, and every node lives on. The exactly-once test runs {@code
 * -Dflowengine.cluster.flows} flows (default the 10,000, a third created by each node: 44.6
 * s measured on 2 shared cores); the kill test runs 600.
 */
@ExtendWith(PostgresExtension.class)
class ClusterProcessesTest {
  private static final int FLOWS = Integer.getInteger("flowengine.cluster.flows", 10_000);
  private static final int KILL_FLOWS = 600; // 200 ms steps: 10,000 would take minutes
  private static final long LEASE_MILLIS = 2000;

  private final TestDatabase database;
  private final String url;
  private final List<Process> children = new ArrayList<>();
  private final List<File> logs = new ArrayList<>();
  private final List<BlockingQueue<String>> outputs = new ArrayList<>();

  ClusterProcessesTest(TestDatabase database) throws Exception {
    this.database = database;
    this.url = database.newSchema();
    try (Connection c = connect()) {
      c.createStatement()
          .execute(
              "CREATE TABLE step_runs (flow_id text NOT NULL, node text NOT NULL,"
                  + " at timestamptz NOT NULL DEFAULT clock_timestamp())");
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
                "-Dlogback.configurationFile=logback-cluster-node.xml",
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
    logs.add(log);
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

  /**
   * Waits until node {@code child} prints {@code line}: for at most a minute plus 30 ms per flow of
   * the run (creating them on a loaded 2-core machine took over a minute for 3,334).
   */
  private void await(int child, String line) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(60_000 + 30L * FLOWS);
    String got;
    do {
      got = outputs.get(child).poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
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
  @Timeout(value = 30, unit = TimeUnit.MINUTES) // the full run of 10,000 flows takes minutes
  void threeNodes_runEveryFlowExactlyOnce() throws Exception {
    start("a", FLOWS - 2 * (FLOWS / 3), 0); // a creates the remainder: FLOWS in all
    start("b", FLOWS / 3, 0);
    start("c", FLOWS / 3, 0);
    long begin = System.nanoTime();
    for (int i = 0; i < 3; i++) {
      await(i, "CREATED");
    }
    awaitCount(
        "SELECT count(*) FROM flowengine_flows WHERE state = 4", FLOWS, 180_000 + 100L * FLOWS);
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
      start(node, KILL_FLOWS / 3, 200);
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
    awaitCount("SELECT count(*) FROM flowengine_flows WHERE state = 4", KILL_FLOWS, 180_000);

    assertThat(scalar("SELECT count(*) FROM flowengine_flows")).isEqualTo(KILL_FLOWS);
    assertThat(scalar("SELECT count(DISTINCT flow_id) FROM step_runs")).isEqualTo(KILL_FLOWS);
    System.out.printf(
        "kill -9: %d flows of the killed node finished on the others %d ms after the kill"
            + " (lease %d ms); step runs %d for %d flows%n",
        orphaned.size(),
        recoveredMillis,
        LEASE_MILLIS,
        scalar("SELECT count(*) FROM step_runs"),
        KILL_FLOWS);
    assertThat(recoveredMillis).isLessThanOrEqualTo(2 * LEASE_MILLIS + 1000);
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void aNodePausedPastItsLease_isFenced_andInterruptsItsStepsWhenItWakes() throws Exception {
    start("a", 20, 100);
    start("b", 20, 120_000); // b's steps outlast any pause: they are mid-step when it wakes
    start("c", 20, 100);
    for (int i = 0; i < 3; i++) {
      await(i, "CREATED");
    }
    awaitCount("SELECT count(*) FROM step_runs WHERE node = 'b'", 1, 60_000);
    List<String> orphaned = new ArrayList<>();
    try (Connection c = connect();
        ResultSet rows =
            c.createStatement()
                .executeQuery(
                    "SELECT f.id FROM flowengine_flows f JOIN step_runs r ON r.flow_id = f.id"
                        + " AND r.node = 'b' WHERE f.owner_node = 'b' AND f.state IN (1, 2)")) {
      while (rows.next()) {
        orphaned.add(rows.getString(1));
      }
    }
    assertThat(orphaned).as("flows whose step runs on b").isNotEmpty();
    long pid = children.get(1).pid();
    signal("STOP", pid);
    try {
      // the others take b's flows over only once its lease ended, and run them to completion
      awaitCount(
          "SELECT count(*) FROM flowengine_flows WHERE state = 4 AND id = ANY('{"
              + String.join(",", orphaned)
              + "}')",
          orphaned.size(),
          60_000);
    } finally {
      signal("CONT", pid);
    }
    Set<String> interrupted = new HashSet<>();
    Set<String> refused = new HashSet<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!interrupted.containsAll(orphaned) || !refused.containsAll(orphaned)) {
      String line = outputs.get(1).poll(1, TimeUnit.SECONDS);
      assertThat(System.nanoTime())
          .as("b says it was interrupted and refused for %s", orphaned)
          .isLessThan(deadline);
      if (line == null) {
        continue;
      }
      assertThat(line).as("a late output of b was stored").doesNotStartWith("STORED");
      String[] words = line.split(" ", 3);
      if (words[0].equals("INTERRUPTED")) {
        interrupted.add(words[1]);
      } else if (words[0].equals("REFUSED")) {
        assertThat(words[2]).contains("no longer owns the flow"); // refused by OutputFence
        refused.add(words[1]);
      }
    }
    awaitCount("SELECT count(*) FROM flowengine_flows WHERE state = 4", 60, 180_000);

    assertThat(scalar("SELECT count(*) FROM flowengine_flows")).isEqualTo(60);
    assertThat(scalar("SELECT count(DISTINCT flow_id) FROM step_runs")).isEqualTo(60);
    String outputsOf = "SELECT count(*) FROM flowengine_assets WHERE role = 1";
    assertThat(scalar(outputsOf)).as("one output per flow").isEqualTo(60);
    assertThat(scalar("SELECT count(DISTINCT flow_id) FROM flowengine_assets WHERE role = 1"))
        .isEqualTo(60);
    assertThat(
            scalar(
                outputsOf
                    + " AND writer_node = 'b' AND flow_id = ANY('{"
                    + String.join(",", orphaned)
                    + "}')"))
        .as("no output of b for the flows taken from it")
        .isZero();
    System.out.printf(
        "SIGSTOP: %d flows of the paused node finished on the others; on SIGCONT it interrupted"
            + " their steps and had their late outputs refused; step runs %d for 60 flows%n",
        orphaned.size(), scalar("SELECT count(*) FROM step_runs"));
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void aDatabaseRestartMidRun_losesNoFlow_andCompletesNoneTwice() throws Exception {
    Optional<ThrowawayCluster> server = database.server().cluster();
    Assumptions.assumeTrue(
        server.isPresent(),
        "restarting needs the throwaway PostgreSQL; FLOWENGINE_POSTGRES_URL names another server");
    int flows = 300;
    for (String node : List.of("a", "b", "c")) {
      start(node, flows / 3, 1000); // about 13 s of work on 24 slots: the restart lands mid-run
    }
    for (int i = 0; i < 3; i++) {
      await(i, "CREATED");
    }
    awaitCount("SELECT count(*) FROM step_runs", flows / 5, 120_000);
    long before = scalar("SELECT count(*) FROM flowengine_flows WHERE state >= 4");
    long begin = System.nanoTime();
    server.get().restart(); // pg_ctl restart -m fast: every connection of every node breaks
    long restartMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
    assertThat(before).as("flows terminal before the restart").isLessThan(flows);
    awaitCount("SELECT count(*) FROM flowengine_flows WHERE state >= 4", flows, 180_000);
    long afterMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);

    assertThat(scalar("SELECT count(*) FROM flowengine_flows")).as("none lost").isEqualTo(flows);
    assertThat(
            scalar(
                "SELECT count(*) FROM (SELECT flow_id FROM flowengine_assets WHERE role = 1"
                    + " GROUP BY flow_id HAVING count(*) > 1) twice"))
        .as("no flow has two outputs")
        .isZero();
    long completed = scalar("SELECT count(*) FROM flowengine_flows WHERE state = 4");
    assertThat(
            scalar(
                "SELECT count(*) FROM flowengine_flows f WHERE state = 4 AND EXISTS (SELECT 1"
                    + " FROM flowengine_assets a WHERE a.flow_id = f.id AND a.role = 1)"))
        .as("every completed flow has its output; those without:%n%s", outputless())
        .isEqualTo(completed);
    for (int i = 0; i < 3; i++) {
      assertThat(children.get(i).isAlive()).as("node %s survived the restart", i).isTrue();
    }
    System.out.printf(
        "pg_ctl restart (%d ms) with %d of %d flows terminal: all terminal %d ms after it began;"
            + " %d completed, %d failed (their steps' own writes met the restart), step runs %d%n",
        restartMillis,
        before,
        flows,
        afterMillis,
        completed,
        scalar("SELECT count(*) FROM flowengine_flows WHERE state = 6"),
        scalar("SELECT count(*) FROM step_runs"));
  }

  /** What the database and the nodes' logs say of each completed flow without an output. */
  private String outputless() throws Exception {
    StringBuilder out = new StringBuilder();
    List<String> ids = new ArrayList<>();
    try (Connection c = connect();
        ResultSet rows =
            c.createStatement()
                .executeQuery(
                    "SELECT id, version, attempt, error, history FROM flowengine_flows f"
                        + " WHERE state = 4 AND NOT EXISTS (SELECT 1 FROM flowengine_assets a"
                        + " WHERE a.flow_id = f.id AND a.role = 1)")) {
      while (rows.next()) {
        ids.add(rows.getString(1));
        out.append(
            String.format(
                "flow %s version %s attempt %s error %s%n  history %s%n",
                rows.getString(1),
                rows.getLong(2),
                rows.getInt(3),
                rows.getString(4),
                rows.getString(5)));
      }
    }
    for (String id : ids) {
      try (Connection c = connect();
          ResultSet rows =
              c.createStatement()
                  .executeQuery(
                      "SELECT node, at FROM step_runs WHERE flow_id = '" + id + "' ORDER BY at")) {
        while (rows.next()) {
          out.append("  step run on ").append(rows.getString(1)).append(" at ");
          out.append(rows.getString(2)).append('\n');
        }
      }
      for (File log : logs) {
        for (String line : java.nio.file.Files.readAllLines(log.toPath())) {
          if (line.contains(id)) {
            out.append("  ").append(log.getName()).append(": ").append(line).append('\n');
          }
        }
      }
    }
    return out.toString();
  }

  private static void signal(String signal, long pid) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).as("kill -%s %s", signal, pid).isZero();
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
