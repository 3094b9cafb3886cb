package io.flowengine.postgres;

import io.flowengine.FlowEngine;
import io.flowengine.bench.SecondaryMetrics;
import io.flowengine.postgres.harness.TestDatabase;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Flows through their whole lifecycle on PostgreSQL ({@code synchronous_commit} on, the server's
 * default): each sender calls {@code createFlow} then {@code startFlow} of a one-no-op-step flow,
 * {@value #PER_SENDER} per invocation, and waits for them all to complete; from 1 and from 8
 * senders on one engine, and from 8 senders spread over 3 engines in cluster mode on one database
 * (reporting each node's share of the flows it executed as {@code node<i>.share}).
 *
 * <p>The floors, in the same run on a database of their own with the same schema ({@link
 * JdbcFloor}): plain JDBC on one connection writing the same rows, {@value #PER_SENDER} flows per
 * transaction and step (four commits per batch); and empty commits that each wait for their WAL
 * flush, the commit rate of the server. Each trial gets fresh databases on the JVM's server ({@link
 * BenchPostgres}); finished flows are purged after each iteration (untimed).
 *
 * <p>Run: {@code ./mvnw -B -pl engine-benchmarks -am verify -DskipTests -Dbench=full
 * -Dbench.include=PostgresLifecycleBenchmark}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PostgresLifecycleBenchmark {
  /** Flows each sender creates, starts and awaits per invocation. */
  static final int PER_SENDER = 100;

  /** How many engines share the database in the cluster variant. */
  static final int NODES = 3;

  /** One engine on its own database. */
  @State(Scope.Benchmark)
  public static class OneNode {
    TestDatabase database;
    FlowEngine engine;

    /** Opens the engine on a fresh database. */
    @Setup
    public void setUp() throws SQLException {
      database = BenchPostgres.newDatabase("lifecycle");
      engine =
          FlowEngine.builder()
              .storage(BenchPostgres.storage(database, "node-1", false))
              .template(NodeCountingFlows.template(new LongAdder()))
              .build();
    }

    /** Deletes the flows of the last iteration. */
    @TearDown(Level.Iteration)
    public void purge() {
      engine.purgeFinishedFlows(Duration.ZERO);
    }

    /** Closes the engine and drops the database. */
    @TearDown
    public void tearDown() throws SQLException {
      engine.close();
      BenchPostgres.drop(database);
    }
  }

  /** {@value #NODES} engines in cluster mode on one database, each counting what it executed. */
  @State(Scope.Benchmark)
  public static class ThreeNodes {
    TestDatabase database;
    final FlowEngine[] engines = new FlowEngine[NODES];
    final LongAdder[] executed = new LongAdder[NODES];

    /** Opens the nodes on a fresh database. */
    @Setup
    public void setUp() throws SQLException {
      database = BenchPostgres.newDatabase("cluster");
      for (int i = 0; i < NODES; i++) {
        executed[i] = new LongAdder();
        engines[i] =
            FlowEngine.builder()
                .storage(BenchPostgres.storage(database, "node-" + (i + 1), true))
                .template(NodeCountingFlows.template(executed[i]))
                .build();
      }
    }

    /** Records each node's share of the iteration's flows, then deletes them. */
    @TearDown(Level.Iteration)
    public void shareAndPurge() {
      long total = 0;
      long[] counts = new long[NODES];
      for (int i = 0; i < NODES; i++) {
        counts[i] = executed[i].sumThenReset();
        total += counts[i];
      }
      for (int i = 0; i < NODES; i++) {
        SecondaryMetrics.record(
            "node" + (i + 1) + ".share", total == 0 ? 0 : 100.0 * counts[i] / total, "%");
      }
      engines[0].purgeFinishedFlows(Duration.ZERO);
    }

    /** Closes the nodes and drops the database. */
    @TearDown
    public void tearDown() throws SQLException {
      for (FlowEngine engine : engines) {
        engine.close();
      }
      BenchPostgres.drop(database);
    }
  }

  /** Which node a sender thread sends to: senders are spread round-robin over the nodes. */
  @State(Scope.Thread)
  public static class Sender {
    private static final AtomicInteger next = new AtomicInteger();
    final int node = Math.floorMod(next.getAndIncrement(), NODES);
  }

  /** The floors' connection, on a database of their own with the storage's schema. */
  @State(Scope.Benchmark)
  public static class Floor {
    TestDatabase database;
    JdbcFloor jdbc;

    /** Creates the schema (by opening a storage once) and connects. */
    @Setup
    public void setUp() throws SQLException {
      database = BenchPostgres.newDatabase("floor");
      BenchPostgres.storage(database, "schema", false).close();
      jdbc = new JdbcFloor(BenchPostgres.connect(database));
    }

    /** Deletes the rows of the last iteration. */
    @TearDown(Level.Iteration)
    public void purge() throws SQLException {
      jdbc.purge();
    }

    /** Disconnects and drops the database. */
    @TearDown
    public void tearDown() throws SQLException {
      jdbc.close();
      BenchPostgres.drop(database);
    }
  }

  /** Flows per second from one sender on one node. */
  @Benchmark
  @Threads(1)
  @OperationsPerInvocation(PER_SENDER)
  public void engine_1sender(OneNode node) {
    NodeCountingFlows.runBatch(node.engine, PER_SENDER);
  }

  /** Flows per second from eight senders at once on one node. */
  @Benchmark
  @Threads(8)
  @OperationsPerInvocation(PER_SENDER)
  public void engine_8senders(OneNode node) {
    NodeCountingFlows.runBatch(node.engine, PER_SENDER);
  }

  /** Flows per second from eight senders spread over {@value #NODES} nodes of one cluster. */
  @Benchmark
  @Threads(8)
  @OperationsPerInvocation(PER_SENDER)
  public void cluster3_8senders(ThreeNodes cluster, Sender sender) {
    NodeCountingFlows.runBatch(cluster.engines[sender.node], PER_SENDER);
  }

  /** The floor of the lifecycle: the same rows, a batch of flows per transaction and step. */
  @Benchmark
  @Threads(1)
  @OperationsPerInvocation(PER_SENDER)
  public void baseline_jdbcLifecycle(Floor floor) throws SQLException {
    floor.jdbc.lifecycle(PER_SENDER);
  }

  /** Flushed commits per second on one connection: what each commit of the store waits for. */
  @Benchmark
  @Threads(1)
  public long baseline_commit(Floor floor) throws SQLException {
    return floor.jdbc.commit();
  }
}
