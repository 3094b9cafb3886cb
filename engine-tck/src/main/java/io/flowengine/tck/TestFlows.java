package io.flowengine.tck;

import io.flowengine.FlowState;
import io.flowengine.Parameters;
import io.flowengine.spi.FlowRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Flow records for store tests: ids of 24 hex characters that increase with each call, and times at
 * the microsecond precision every store keeps. Thread-safe.
 */
public final class TestFlows {
  /** A fixed, microsecond-precise base time. */
  public static final Instant BASE = Instant.parse("2026-01-02T03:04:05.123456Z");

  private final AtomicLong nextId;

  /** Creates a source of records whose ids start at {@code firstId}. */
  public TestFlows(long firstId) {
    this.nextId = new AtomicLong(firstId);
  }

  /** Creates a source of records whose ids start at 1. */
  public TestFlows() {
    this(1);
  }

  /** Returns a new id, greater than every id returned before by this source. */
  public String nextId() {
    return id(nextId.getAndIncrement());
  }

  /** Returns the id of 24 hex characters for {@code n}. */
  public static String id(long n) {
    return String.format("%024x", n);
  }

  /** Returns {@link #BASE} plus {@code micros} microseconds. */
  public static Instant at(long micros) {
    return BASE.plusNanos(micros * 1000);
  }

  /** Returns a created flow of no account, created at {@code BASE}. */
  public FlowRecord created() {
    return created(null, BASE);
  }

  /** Returns a created flow of {@code accountId} created at {@code createdAt}. */
  public FlowRecord created(@Nullable String accountId, Instant createdAt) {
    return new FlowRecord(
        nextId(),
        accountId,
        "tpl-1",
        "echo",
        FlowState.CREATED,
        0.0,
        Parameters.empty(),
        null,
        List.of(),
        createdAt,
        null,
        null,
        null,
        null,
        0);
  }

  /**
   * Returns a flow with every field set the way a flow in {@code state} has them: a start time once
   * started, a finish time once terminal, an error when failed.
   */
  public FlowRecord inState(
      @Nullable String accountId,
      FlowState state,
      double progress,
      Instant createdAt,
      @Nullable Instant startedAt,
      @Nullable Instant finishedAt) {
    return new FlowRecord(
        nextId(),
        accountId,
        "tpl-1",
        "echo",
        state,
        progress,
        Parameters.empty(),
        null,
        List.of(),
        createdAt,
        startedAt,
        finishedAt,
        state == FlowState.FAILED ? "boom" : null,
        null,
        0);
  }

  /** Returns a flow with every optional field set, parameters of each type included. */
  public FlowRecord full(String accountId) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("quality", "high \u00e9\u4e2d \"quoted\", comma");
    values.put("seed", -42L);
    values.put("scale", 0.1 + 0.2);
    values.put("texture", true);
    values.put("empty", "");
    return new FlowRecord(
        nextId(),
        accountId,
        "tpl-full",
        "model_generate_fromprompt",
        FlowState.FAILED,
        0.5,
        new Parameters(values),
        "{\"user\":\"d\u00e9j\u00e0 vu\",\"n\":[1,2]}",
        List.of(id(9001), id(9002)),
        at(1),
        at(2),
        at(3),
        "step 2 failed: \u2603",
        Duration.ofMinutes(90).plusNanos(1),
        0);
  }

  /**
   * Returns {@code record} moved to {@code state} with the times such a state has, next version.
   */
  public static FlowRecord moved(FlowRecord record, FlowState state, Instant now) {
    Instant started =
        record.startedAt() != null ? record.startedAt() : state == FlowState.CREATED ? null : now;
    Instant finished = state.isTerminal() ? now : null;
    double progress = state == FlowState.COMPLETED ? 1.0 : record.progress();
    return record.transitioned(
        state, progress, started, finished, state == FlowState.FAILED ? "failed" : null);
  }
}
