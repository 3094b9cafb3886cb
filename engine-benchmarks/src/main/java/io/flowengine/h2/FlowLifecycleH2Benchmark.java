package io.flowengine.h2;

import io.flowengine.FlowEngine;
import io.flowengine.FlowState;
import io.flowengine.Parameters;
import io.flowengine.bench.BenchStorage;
import io.flowengine.bench.NoopFlows;
import io.flowengine.spi.FlowRecord;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Flow lifecycle throughput on an H2 file: create, start, one no-op step, completed, in batches of
 * {@value #BATCH} as in {@code FlowLifecycleBenchmark}, with {@link H2Storage}'s defaults (every
 * commit written to the file before the call returns, {@link Durability#EVERY_COMMIT}). The floor:
 * plain JDBC on another file with the same schema doing the same writes a flow's lifecycle makes,
 * with the storage's own SQL and row binding ({@link FlowRows}): one insert (created) and three
 * versioned compare-and-set updates (starting, running, completed), each auto-committed, on one
 * connection with prepared statements reused, no threads. Rows are deleted between invocations
 * (untimed) in both.
 *
 * <p>It lives in {@code io.flowengine.h2} because the row binding is package-private.
 *
 * <p>Run: {@code ./mvnw -B -pl engine-benchmarks -am verify -DskipTests -Dbench=full
 * -Dbench.include=FlowLifecycleH2Benchmark}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class FlowLifecycleH2Benchmark {
  /** Flows per invocation. */
  static final int BATCH = 1000;

  private FlowEngine engine;
  private Connection jdbc;
  private PreparedStatement insert;
  private PreparedStatement update;
  private final HexFormat hex = HexFormat.of();
  private long nextId;
  private String templateId;

  /** Opens the engine on one H2 file and a JDBC connection to another with the same schema. */
  @Setup
  public void setUp() throws SQLException {
    engine =
        FlowEngine.builder().storage(BenchStorage.H2.open()).template(NoopFlows.template()).build();
    Path dir = BenchStorage.temporaryDirectory("flowengine-bench-jdbc-");
    H2Files.createSchema(dir);
    jdbc = H2Files.connect(dir);
    insert = H2Files.prepareInsert(jdbc);
    update = H2Files.prepareCompareAndSet(jdbc);
    templateId = NoopFlows.template().id();
  }

  /** Deletes the flows the last invocation completed, in both databases. */
  @TearDown(Level.Invocation)
  public void purge() throws SQLException {
    engine.purgeFinishedFlows(Duration.ZERO);
    try (Statement delete = jdbc.createStatement()) {
      delete.executeUpdate("DELETE FROM FLOWS");
    }
  }

  /** Closes both. */
  @TearDown
  public void tearDown() throws SQLException {
    engine.close();
    jdbc.close();
  }

  /** Flows per second through the engine on H2. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void engine() {
    NoopFlows.runBatch(engine, BATCH);
  }

  /** The same rows written by plain JDBC: an insert and three updates per flow. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void baseline_jdbc() throws SQLException {
    for (int i = 0; i < BATCH; i++) {
      Instant created = now();
      String id = hex.toHexDigits((int) created.getEpochSecond()) + hex.toHexDigits(nextId++);
      FlowRecord record =
          new FlowRecord(
              id,
              null,
              templateId,
              NoopFlows.TEMPLATE,
              FlowState.CREATED,
              0.0,
              Parameters.empty(),
              null,
              List.of(),
              created,
              null,
              null,
              null,
              null,
              0);
      H2Files.insert(insert, record);
      FlowRecord starting = record.transitioned(FlowState.STARTING, 0.0, now(), null, null);
      cas(record, starting);
      FlowRecord running =
          starting.transitioned(FlowState.RUNNING, 0.0, starting.startedAt(), null, null);
      cas(starting, running);
      cas(
          running,
          running.transitioned(FlowState.COMPLETED, 1.0, running.startedAt(), now(), null));
    }
  }

  private void cas(FlowRecord expected, FlowRecord next) throws SQLException {
    if (!H2Files.compareAndSet(update, expected, next)) {
      throw new IllegalStateException("lost update of " + expected.id());
    }
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
