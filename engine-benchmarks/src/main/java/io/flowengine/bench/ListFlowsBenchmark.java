package io.flowengine.bench;

import io.flowengine.FlowEngine;
import io.flowengine.FlowPage;
import io.flowengine.FlowQuery;
import io.flowengine.FlowSortKey;
import io.flowengine.spi.EngineStorage;
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
 * starts over at the end, so pages from everywhere in the order are measured. With keyset paging
 * on an index the time per page does not depend on how many flows there are; the report
 * compares 10,000 with 1,000,000. There is no baseline: the claim is flatness.
 *
 * <p>Run: {@code ./mvnw -B -pl engine-benchmarks -am verify -DskipTests -Dbench=full
 * -Dbench.include=ListFlowsBenchmark}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx4g"})
@State(Scope.Benchmark)
public class ListFlowsBenchmark {
  /** Page size. */
  static final int PAGE = 100;

  /** Which storage the engine keeps flows in. */
  @Param("MEMORY")
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
  public void setUp() {
    EngineStorage opened = storage.open();
    PrefilledFlows.insert(opened.flows(), flows, 7);
    engine = FlowEngine.builder().storage(opened).template(NoopFlows.template()).build();
    first = FlowQuery.builder().sortBy(sortBy).limit(PAGE).build();
    query = first;
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
