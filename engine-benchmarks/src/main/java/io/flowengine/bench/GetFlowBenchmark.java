package io.flowengine.bench;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.flowengine.Flow;
import io.flowengine.FlowEngine;
import io.flowengine.h2.H2Storage;
import io.flowengine.spi.EngineStorage;
import java.util.Arrays;
import java.util.Collections;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
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
 * Polling one flow's state: {@code getFlow} on an engine holding {@code flows} completed flows,
 * cycling through them in a shuffled order so the cache is not always hot, against the floor, a
 * {@link ConcurrentHashMap#get} of the same ids mapping to the same snapshots. On H2 the storage's
 * flow cache is sized to hold every polled flow (twice {@code flows}; its default holds 10,000), so
 * this measures the hit path that polling running flows takes: with the working set exactly at the
 * cache's capacity, the size-based eviction sends a share of the calls to the database and the
 * number measures that share instead.
 *
 * <p>The ids polled are copies of the stored ones, as a poller's ids arrive from a request or a
 * file: every lookup, the floor's included, compares the characters. With the stored instances
 * {@code String.equals} stops at the identity check, which flatters whichever side happens to hold
 * the same instances (the floor and the in-memory store did; the H2 cache, loaded from database
 * rows, did not).
 *
 * <p>Run: {@code ./mvnw -B -pl engine-benchmarks -am verify -DskipTests -Dbench=full
 * -Dbench.include=GetFlowBenchmark}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class GetFlowBenchmark {
  /** Which storage the engine keeps flows in. */
  @Param({"MEMORY", "H2"})
  public BenchStorage storage;

  /** How many flows the engine holds. */
  @Param("10000")
  public int flows;

  private FlowEngine engine;
  private final ConcurrentHashMap<String, Flow> map = new ConcurrentHashMap<>();
  private Cache<String, Flow> cache;
  private String[] ids;
  private int next;

  /** Runs {@code flows} flows to completion and indexes them for the baseline. */
  @Setup
  public void setUp() {
    EngineStorage opened =
        storage == BenchStorage.H2
            ? H2Storage.builder()
                .directory(BenchStorage.temporaryDirectory("flowengine-bench-h2-"))
                .cacheSize(2L * flows)
                .open()
            : storage.open();
    engine = FlowEngine.builder().storage(opened).template(NoopFlows.template()).build();
    for (int done = 0; done < flows; done += 1000) {
      NoopFlows.runBatch(engine, Math.min(1000, flows - done));
    }
    ids = PrefilledFlows.allIds(engine).toArray(String[]::new);
    Collections.shuffle(Arrays.asList(ids), new Random(42));
    for (String id : ids) {
      map.put(id, engine.getFlow(id));
    }
    cache = Caffeine.newBuilder().maximumSize(Math.max(10_000, flows)).build();
    map.forEach(cache::put);
    for (int i = 0; i < ids.length; i++) {
      ids[i] = new String(ids[i]); // a poller's ids come from outside: equal, not the same instance
    }
  }

  /** Closes the engine. */
  @TearDown
  public void tearDown() {
    engine.close();
  }

  private String nextId() {
    int i = next;
    next = i + 1 == ids.length ? 0 : i + 1;
    return ids[i];
  }

  /** {@code getFlow} of the next id. */
  @Benchmark
  public Flow engine() {
    return engine.getFlow(nextId());
  }

  /**
   * The floor of a bounded cache: a Caffeine cache (what {@code H2Storage} keeps its flow cache in)
   * of the same snapshots, read with a loading {@code get} as the storage does.
   */
  @Benchmark
  @SuppressWarnings("NullAway") // every id it asks for is in the map, so the loader finds it
  public Flow baseline_caffeine() {
    return cache.get(nextId(), map::get);
  }

  /** The floor: a concurrent map lookup of the next id. */
  @Benchmark
  public @Nullable Flow baseline() {
    return map.get(nextId());
  }
}
