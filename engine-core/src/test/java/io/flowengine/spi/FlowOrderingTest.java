package io.flowengine.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.FlowSortKey;
import io.flowengine.FlowState;
import io.flowengine.Parameters;
import io.flowengine.SortDirection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The listing order written a second way, with the JDK's comparator combinators, so the order the
 * stores and the paging contract share is checked against something other than itself.
 */
class FlowOrderingTest {
  private static final Instant BASE = Instant.parse("2026-01-02T03:04:05.123456Z");

  @ParameterizedTest
  @EnumSource(FlowSortKey.class)
  void ordersByValueMissingLastThenById(FlowSortKey key) {
    List<FlowRecord> records = randomRecords(new Random(key.ordinal()), 400);
    for (SortDirection direction : SortDirection.values()) {
      List<FlowRecord> actual = new ArrayList<>(records);
      actual.sort(FlowOrdering.recordComparator(key, direction));

      List<FlowRecord> expected = new ArrayList<>(records);
      expected.sort(reference(key, direction));
      assertThat(actual).as("%s %s", key, direction).isEqualTo(expected);
    }
  }

  @ParameterizedTest
  @EnumSource(FlowSortKey.class)
  void positionsAgreeWithRecords(FlowSortKey key) {
    List<FlowRecord> records = randomRecords(new Random(100 + key.ordinal()), 60);
    for (SortDirection direction : SortDirection.values()) {
      Comparator<FlowRecord> byRecord = FlowOrdering.recordComparator(key, direction);
      Comparator<SortPosition> byPosition = FlowOrdering.comparator(key, direction);
      for (FlowRecord a : records) {
        for (FlowRecord b : records) {
          SortPosition positionOfB = FlowOrdering.positionOf(b, key);
          int expected = Integer.signum(byRecord.compare(a, b));
          assertThat(
                  Integer.signum(byPosition.compare(FlowOrdering.positionOf(a, key), positionOfB)))
              .isEqualTo(expected);
          assertThat(FlowOrdering.isAfter(a, positionOfB, key, direction)).isEqualTo(expected > 0);
        }
      }
    }
  }

  private static Comparator<FlowRecord> reference(FlowSortKey key, SortDirection direction) {
    boolean ascending = direction == SortDirection.ASCENDING;
    Comparator<FlowRecord> byValue =
        switch (key) {
          case STATE -> byNullable(FlowRecord::state, ascending);
          case PROGRESS -> byNullable(FlowRecord::progress, ascending);
          case CREATED_AT -> byNullable(FlowRecord::createdAt, ascending);
          case STARTED_AT -> byNullable(FlowRecord::startedAt, ascending);
          case FINISHED_AT -> byNullable(FlowRecord::finishedAt, ascending);
        };
    Comparator<FlowRecord> byId = Comparator.comparing(FlowRecord::id);
    return byValue.thenComparing(ascending ? byId : byId.reversed());
  }

  private static <V extends Comparable<? super V>> Comparator<FlowRecord> byNullable(
      Function<FlowRecord, @Nullable V> value, boolean ascending) {
    Comparator<V> natural = Comparator.naturalOrder();
    return Comparator.comparing(
        value, Comparator.nullsLast(ascending ? natural : natural.reversed()));
  }

  /** Records with few distinct values, so ties (broken by id) and missing times are common. */
  private static List<FlowRecord> randomRecords(Random random, int count) {
    long firstId = random.nextInt(1000);
    List<FlowRecord> records = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      FlowState state = FlowState.values()[random.nextInt(FlowState.values().length)];
      Instant created = at(random.nextInt(5));
      Instant started = random.nextBoolean() ? at(random.nextInt(5)) : null;
      Instant finished = random.nextBoolean() ? at(random.nextInt(5)) : null;
      double progress = random.nextInt(3) / 2.0;
      records.add(
          new FlowRecord(
              String.format("%024x", firstId + i),
              null,
              "tpl-1",
              "echo",
              state,
              progress,
              Parameters.empty(),
              null,
              List.of(),
              created,
              started,
              finished,
              state == FlowState.FAILED ? "boom" : null,
              null,
              0));
    }
    Collections.shuffle(records, random);
    return records;
  }

  /** A microsecond-precise instant, {@code micros} after a fixed base. */
  private static Instant at(long micros) {
    return BASE.plusNanos(micros * 1000);
  }
}
