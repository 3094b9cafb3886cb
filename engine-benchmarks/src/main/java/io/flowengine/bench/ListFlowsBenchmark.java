package io.flowengine.bench;

import io.flowengine.FlowEngine;
import io.flowengine.FlowPage;
import io.flowengine.FlowQuery;
import io.flowengine.FlowSortKey;
import io.flowengine.h2.H2Files;
import io.flowengine.h2.H2Storage;
import io.flowengine.spi.EngineStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code listFlows}, one page of 100, sorted by each key, from {@code flows} stored flows (see
 * {@link PrefilledFlows}). Each invocation fetches the page after the previous one's cursor and
 * starts over at the end, so pages from everywhere in the order are measured. With keyset paging on
 * an index the time per page does not depend on how many flows there are; the report compares
 * 10,000 with 1,000,000. There is no baseline: the claim is flatness.
 *
 * <p>Run: {@code ./mvnw -B -pl engine-benchmarks -am verify -DskipTests -Dbench=full
 * -Dbench.include=ListFlowsBenchmark}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx4g"})
@State(Scope.Benchmark)
public class ListFlowsBenchmark {
  private static final long SEED = 7;

  /** Page size. */
  static final int PAGE = 100;

  /** Which storage the engine keeps flows in. */
  @Param({"MEMORY", "H2"})
  public BenchStorage storage;

  /** How many flows are stored. */
  @Param({"10000", "1000000"})
  public int flows;

  /** The sort key. */
  @Param({"CREATED_AT", "STATE", "PROGRESS", "STARTED_AT", "FINISHED_AT"})
  public FlowSortKey sortBy;

  private FlowEngine engine;
  private FlowQuery first;
  private FlowQuery query;

  /** Fills the store and opens an engine on it. */
  @Setup
  public void setUp() throws SQLException, IOException {
    EngineStorage opened;
    if (storage == BenchStorage.H2) {
      opened = H2Storage.open(prefilledH2(flows));
    } else {
      opened = storage.open();
      PrefilledFlows.insert(opened.flows(), flows, SEED);
    }
    engine = FlowEngine.builder().storage(opened).template(NoopFlows.template()).build();
    first = FlowQuery.builder().sortBy(sortBy).limit(PAGE).build();
    query = first;
  }

  /**
   * Returns a directory holding an H2 database with the {@code count} prefilled flows, made once
   * (batched inserts through the storage's own row binding) and kept under {@code
   * target/bench-data} for later forks and runs: inserting a million rows takes far longer than the
   * measurement. Listing only reads, so every fork can open the same file.
   */
  static Path prefilledH2(int count) throws SQLException, IOException {
    Path dir =
        Path.of(System.getProperty("flowengine.bench.data", "target/bench-data"))
            .resolve("listflows-h2-" + count + "-seed" + SEED)
            .toAbsolutePath();
    Path done = dir.resolve("complete");
    if (!Files.exists(done)) {
      BenchStorage.deleteTree(dir);
      Files.createDirectories(dir);
      H2Files.createSchema(dir);
      H2Files.bulkInsert(dir, count, PrefilledFlows.records(SEED));
      Files.createFile(done);
    }
    return dir;
  }

  /** Closes the engine. */
  @TearDown
  public void tearDown() {
    engine.close();
  }

  /** The next page in {@code sortBy} order. */
  @Benchmark
  public FlowPage nextPage() {
    FlowPage page = engine.listFlows(query);
    String cursor = page.nextCursor();
    query = cursor == null ? first : first.after(cursor);
    return page;
  }
}
