package io.flowengine.h2;

import io.flowengine.FlowEngine;
import io.flowengine.FlowState;
import io.flowengine.NewFlow;
import io.flowengine.Parameters;
import io.flowengine.bench.BenchStorage;
import io.flowengine.bench.NoopFlows;
import io.flowengine.spi.FlowRecord;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The group commit on an H2 file: flows through their whole lifecycle (each sender calls {@code
 * createFlow} then {@code startFlow}, one no-op step, completed) from 1 and from 8 sender threads,
 * and {@code createFlows} of 1,000 requests, with each {@link Durability}. Each sender runs {@value
 * #PER_SENDER} flows per invocation and waits for them all to complete.
 *
 * <p>The floor, measured in the same run on another file with the same schema and settings: plain
 * JDBC on one connection writing the same rows in batches, the best a group commit can do, with the
 * storage's own SQL and row binding ({@link FlowRows}). For the lifecycle, {@value #PER_SENDER}
 * flows at a time: one transaction inserts them (created), then one transaction each moves them all
 * to starting, running and completed with versioned compare-and-set updates (four commits per
 * {@value #PER_SENDER} flows). For {@code createFlows}, one transaction inserts the 1,000 rows.
 * Each iteration starts on new, empty files in both (untimed).
 *
 * <p>Run: {@code ./mvnw -B -pl engine-benchmarks -am verify -DskipTests -Dbench=full
 * -Dbench.include=GroupCommitH2Benchmark}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class GroupCommitH2Benchmark {
  /** Flows each sender creates, starts and awaits per invocation. */
  static final int PER_SENDER = 100;

  /** Requests per {@code createFlows} call. */
  static final int CREATE_BATCH = 1000;

  /** The storage's durability mode, in the engine and in the floor alike. */
  @Param({"EVERY_COMMIT", "WRITE_DELAYED"})
  public Durability durability;

  private Path engineDir;
  private Path jdbcDir;
  private FlowEngine engine;
  private Connection jdbc;
  private PreparedStatement insert;
  private PreparedStatement update;
  private final HexFormat hex = HexFormat.of();
  private final AtomicLong nextId = new AtomicLong();
  private String templateId;
  private List<NewFlow> requests;

  /**
   * Opens the engine on a new H2 file and a JDBC connection to another new file with the same
   * schema, for each iteration (untimed), so no iteration pays for the rows of the ones before it:
   * {@code createFlows} leaves its flows created, and purging a hundred thousand rows between
   * iterations took longer than measuring them.
   */
  @Setup(Level.Iteration)
  public void openFreshFiles() throws SQLException {
    engineDir = BenchStorage.temporaryDirectory("flowengine-bench-gc-");
    engine =
        FlowEngine.builder()
            .storage(H2Storage.builder().directory(engineDir).durability(durability).open())
            .template(NoopFlows.template())
            .build();
    jdbcDir = BenchStorage.temporaryDirectory("flowengine-bench-gc-jdbc-");
    H2Files.createSchema(jdbcDir);
    jdbc = H2Files.connect(jdbcDir, durability);
    jdbc.setAutoCommit(false);
    insert = H2Files.prepareInsert(jdbc);
    update = H2Files.prepareCompareAndSet(jdbc);
    templateId = NoopFlows.template().id();
    requests = Collections.nCopies(CREATE_BATCH, NoopFlows.REQUEST);
  }

  /** Closes both databases of the iteration and deletes their files. */
  @TearDown(Level.Iteration)
  public void closeAndDelete() throws SQLException {
    engine.close();
    jdbc.close();
    BenchStorage.deleteTree(engineDir);
    BenchStorage.deleteTree(jdbcDir);
  }

  /** Flows per second from one sender. */
  @Benchmark
  @Threads(1)
  @OperationsPerInvocation(PER_SENDER)
  public void engine_1sender() {
    NoopFlows.runBatch(engine, PER_SENDER);
  }

  /** Flows per second from eight senders at once. */
  @Benchmark
  @Threads(8)
  @OperationsPerInvocation(PER_SENDER)
  public void engine_8senders() {
    NoopFlows.runBatch(engine, PER_SENDER);
  }

  /** Flows per second created by {@code createFlows}, 1,000 per call. */
  @Benchmark
  @Threads(1)
  @OperationsPerInvocation(CREATE_BATCH)
  public int engine_createFlows() {
    return engine.createFlows(requests).size();
  }

  /** The floor of the lifecycle: the same rows, a batch of flows per transaction and step. */
  @Benchmark
  @Threads(1)
  @OperationsPerInvocation(PER_SENDER)
  public void baseline_jdbcLifecycle() throws SQLException {
    List<FlowRecord> flows = new ArrayList<>(PER_SENDER);
    for (int i = 0; i < PER_SENDER; i++) {
      flows.add(newRecord());
    }
    insertAll(flows);
    flows = step(flows, FlowState.STARTING, 0.0, false);
    flows = step(flows, FlowState.RUNNING, 0.0, false);
    step(flows, FlowState.COMPLETED, 1.0, true);
  }

  /** The floor of {@code createFlows}: 1,000 rows inserted in one transaction. */
  @Benchmark
  @Threads(1)
  @OperationsPerInvocation(CREATE_BATCH)
  public void baseline_jdbcInsert() throws SQLException {
    List<FlowRecord> flows = new ArrayList<>(CREATE_BATCH);
    for (int i = 0; i < CREATE_BATCH; i++) {
      flows.add(newRecord());
    }
    insertAll(flows);
  }

  private FlowRecord newRecord() {
    Instant created = now();
    String id =
        hex.toHexDigits((int) created.getEpochSecond()) + hex.toHexDigits(nextId.getAndIncrement());
    return new FlowRecord(
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
  }

  private void insertAll(List<FlowRecord> flows) throws SQLException {
    for (FlowRecord flow : flows) {
      FlowRows.bindInsert(insert, flow);
      insert.addBatch();
    }
    insert.executeBatch();
    jdbc.commit();
  }

  private List<FlowRecord> step(
      List<FlowRecord> flows, FlowState state, double progress, boolean finished)
      throws SQLException {
    List<FlowRecord> next = new ArrayList<>(flows.size());
    Instant now = now();
    for (FlowRecord flow : flows) {
      FlowRecord moved =
          flow.transitioned(
              state,
              progress,
              flow.startedAt() != null ? flow.startedAt() : now,
              finished ? now : null,
              null);
      FlowRows.bindCompareAndSet(update, flow, moved);
      update.addBatch();
      next.add(moved);
    }
    for (int count : update.executeBatch()) {
      if (count != 1) {
        throw new IllegalStateException("lost update");
      }
    }
    jdbc.commit();
    return next;
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
