package io.flowengine.bench;

import io.flowengine.Flow;
import io.flowengine.FlowEngine;
import io.flowengine.FlowPage;
import io.flowengine.FlowQuery;
import io.flowengine.FlowState;
import io.flowengine.Parameters;
import io.flowengine.spi.FlowRecord;
import io.flowengine.spi.FlowStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * Fills a store with many flows quickly, through the {@link FlowStore} SPI rather than a flow at a
 * time through the engine: a million flows created through {@code createFlow} would all share a few
 * seconds of creation time and one state, which is not what a listing sorts in practice. The
 * records are what the engine would have stored: finished flows (completed, failed, aborted) and
 * not yet started ones, with spread-out times and progress, so each sort key has many distinct
 * values.
 */
public final class PrefilledFlows {
  private static final FlowState[] STATES = {
    FlowState.COMPLETED,
    FlowState.COMPLETED,
    FlowState.COMPLETED,
    FlowState.FAILED,
    FlowState.ABORTED,
    FlowState.CREATED
  };

  private PrefilledFlows() {}

  /** Inserts {@code count} flows of {@link NoopFlows#template()} into {@code store}. */
  public static void insert(FlowStore store, int count, long seed) {
    IntFunction<FlowRecord> records = records(seed);
    for (int i = 0; i < count; i++) {
      store.insert(records.apply(i));
    }
  }

  /**
   * Returns the generator of the flows {@link #insert} stores; call it with 0, 1, 2, ... in order
   * (it draws from one random sequence).
   */
  public static IntFunction<FlowRecord> records(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    String templateId = NoopFlows.template().id();
    Instant base = Instant.parse("2026-01-01T00:00:00Z");
    HexFormat hex = HexFormat.of();
    return i -> {
      Instant created = base.plus(i * 1000L + random.nextInt(1000), ChronoUnit.MICROS);
      FlowState state = STATES[random.nextInt(STATES.length)];
      boolean started =
          state != FlowState.CREATED && !(state == FlowState.ABORTED && random.nextBoolean());
      Instant startedAt =
          started ? created.plus(random.nextInt(5_000_000), ChronoUnit.MICROS) : null;
      Instant finishedAt =
          state.isTerminal()
              ? (startedAt != null ? startedAt : created)
                  .plus(random.nextInt(60_000_000), ChronoUnit.MICROS)
              : null;
      double progress =
          state == FlowState.COMPLETED
              ? 1.0
              : state == FlowState.CREATED ? 0.0 : random.nextInt(1000) / 1000.0;
      String id = hex.toHexDigits((int) created.getEpochSecond()) + hex.toHexDigits((long) i);
      return new FlowRecord(
          id,
          null,
          templateId,
          NoopFlows.TEMPLATE,
          state,
          progress,
          Parameters.empty(),
          null,
          List.of(),
          created,
          startedAt,
          finishedAt,
          state == FlowState.FAILED ? "step failed" : null,
          null,
          0);
    };
  }

  /** Returns the ids of every flow of {@code engine}, oldest first. */
  public static List<String> allIds(FlowEngine engine) {
    List<String> ids = new ArrayList<>();
    FlowQuery query = FlowQuery.builder().limit(FlowQuery.MAX_LIMIT).build();
    while (true) {
      FlowPage page = engine.listFlows(query);
      for (Flow flow : page.items()) {
        ids.add(flow.id());
      }
      if (page.nextCursor() == null) {
        return ids;
      }
      query = query.after(page.nextCursor());
    }
  }
}
