package io.flowengine.internal;

import io.flowengine.FlowState;
import io.flowengine.Parameters;
import io.flowengine.spi.EngineStorage;
import io.flowengine.spi.FlowRecord;
import io.flowengine.spi.FlowStore;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One state transition of a stored flow: the engine's {@link FlowStateMachine#fire} over an
 * in-memory store's ({@link EngineStorage#inMemory()}) compare-and-set, against the floor, a bare
 * {@link AtomicReference} compare-and-set that swaps in a new record of the same shape (allocation
 * included, as in the engine). Each operation is one successful transition, alternating {@code
 * STARTING -> RUNNING} (dispatch) and {@code RUNNING -> STARTING} (requeue) so it can repeat
 * forever; a lost race reads again and retries, as the engine's callers do. Measured alone and with
 * two threads contending for the same flow.
 *
 * <p>It lives in {@code io.flowengine.internal} (split across the two jars on the class path)
 * because the state machine is package-private: going through {@code startFlow} would measure the
 * runner and a virtual thread too, not the transition.
 *
 * <p>Run: {@code ./mvnw -B -pl engine-benchmarks -am verify -DskipTests -Dbench=full
 * -Dbench.include=StateTransitionBenchmark}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StateTransitionBenchmark {

  /** One flow, in the engine's store and in a bare atomic reference. */
  public abstract static class OneFlow {
    FlowStore store;
    FlowStateMachine machine;
    String flowId;
    AtomicReference<FlowRecord> bare;

    /** Stores a starting flow. */
    @Setup
    public void setUp() {
      store = EngineStorage.inMemory().flows();
      machine =
          new FlowStateMachine(
              store, new ListenerBus(List.of()), new FlowWaiters(), Clock.systemUTC());
      Instant now = Instant.now();
      FlowRecord record =
          new FlowRecord(
              new IdGenerator().next(now),
              null,
              "0123456789abcdef01234567",
              "noop",
              FlowState.STARTING,
              0.0,
              Parameters.empty(),
              null,
              List.of(),
              now,
              now,
              null,
              null,
              null,
              0);
      store.insert(record);
      flowId = record.id();
      bare = new AtomicReference<>(record);
    }
  }

  /** A flow only one thread changes. */
  @State(Scope.Thread)
  public static class OwnFlow extends OneFlow {}

  /** A flow every benchmark thread changes. */
  @State(Scope.Benchmark)
  public static class SharedFlow extends OneFlow {}

  /**
   * A flow plus a skip-list listing index on (state, id) holding a million other flows: what an
   * in-memory store that kept its listings indexed by state would have to update on every
   * transition.
   */
  @State(Scope.Thread)
  public static class IndexedFlow extends OneFlow {
    /** An index entry. */
    record Key(int state, String id) implements Comparable<Key> {
      @Override
      public int compareTo(Key other) {
        int byState = Integer.compare(state, other.state);
        return byState != 0 ? byState : id.compareTo(other.id);
      }
    }

    final ConcurrentSkipListSet<Key> byState = new ConcurrentSkipListSet<>();

    /** Fills the index. */
    @Setup
    public void fillIndex() {
      HexFormat hex = HexFormat.of();
      for (int i = 0; i < 1_000_000; i++) {
        byState.add(new Key(i % FlowState.values().length, "0000000" + hex.toHexDigits(i) + "0"));
      }
    }
  }

  /**
   * Not a target but the measurement behind one: the bare compare-and-set plus the update of one
   * skip-list index (remove the old entry, add the new), the least an in-memory store would pay per
   * transition to serve {@code listFlows} by state from an index instead of a scan.
   */
  @Benchmark
  @Threads(1)
  public FlowRecord whatIf_indexedByState(IndexedFlow flow) {
    FlowRecord next = bareTransition(flow);
    flow.byState.remove(
        new IndexedFlow.Key(
            next.state() == FlowState.RUNNING
                ? FlowState.STARTING.ordinal()
                : FlowState.RUNNING.ordinal(),
            next.id()));
    flow.byState.add(new IndexedFlow.Key(next.state().ordinal(), next.id()));
    return next;
  }

  /** The engine's transition on a flow no other thread touches. */
  @Benchmark
  @Threads(1)
  public FlowRecord engine_uncontended(OwnFlow flow) {
    return engineTransition(flow);
  }

  /** The floor: a bare atomic-reference compare-and-set of a new record. */
  @Benchmark
  @Threads(1)
  public FlowRecord baseline_uncontended(OwnFlow flow) {
    return bareTransition(flow);
  }

  /** The engine's transition with two threads racing on the same flow. */
  @Benchmark
  @Threads(2)
  public FlowRecord engine_contended(SharedFlow flow) {
    return engineTransition(flow);
  }

  /** The floor with two threads racing on the same reference. */
  @Benchmark
  @Threads(2)
  public FlowRecord baseline_contended(SharedFlow flow) {
    return bareTransition(flow);
  }

  private static FlowRecord engineTransition(OneFlow flow) {
    while (true) {
      FlowRecord current = flow.store.find(flow.flowId).orElseThrow();
      FlowEvent event =
          current.state() == FlowState.STARTING ? FlowEvent.DISPATCH : FlowEvent.REQUEUE;
      FlowRecord next = flow.machine.fire(current, event, null, null);
      if (next != null) {
        return next;
      }
    }
  }

  private static FlowRecord bareTransition(OneFlow flow) {
    while (true) {
      FlowRecord current = flow.bare.get();
      FlowState to = current.state() == FlowState.STARTING ? FlowState.RUNNING : FlowState.STARTING;
      FlowRecord next =
          current.transitioned(to, current.progress(), current.startedAt(), null, null);
      if (flow.bare.compareAndSet(current, next)) {
        return next;
      }
    }
  }
}
