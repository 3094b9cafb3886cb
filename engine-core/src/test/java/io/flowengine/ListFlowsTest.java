package io.flowengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowengine.testing.Steps;
import io.flowengine.testing.TestFlowEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Sorting, state filters, field selection and keyset paging of listFlows. */
class ListFlowsTest {
  private final TestFlowEngine fake =
      TestFlowEngine.builder()
          .mode(TestFlowEngine.Mode.MANUAL)
          .template(TestTemplates.of("ok", Steps.progress(0.3)))
          .template(TestTemplates.of("bad", Steps.progress(0.6), Steps.fail("no")))
          .build();
  private final FlowEngine engine = fake.engine();

  @BeforeEach
  void createMixedFlows() {
    // 24 flows at distinct times: 6 created, 12 completed, 6 failed (with progress), then 3 queued
    for (int i = 0; i < 24; i++) {
      fake.clock().advance(Duration.ofSeconds(1));
      switch (i % 4) {
        case 0 -> engine.createFlow(NewFlow.of("ok"));
        case 1 -> engine.createFlow(NewFlow.builder("ok").input(NewAsset.text("x")).build());
        case 2 -> {
          engine.createFlow(NewFlow.builder("ok").input(NewAsset.text("x")).build());
          fake.clock().advance(Duration.ofMillis(500));
          fake.runUntilIdle();
        }
        default -> {
          engine.createFlow(NewFlow.builder("bad").input(NewAsset.text("x")).build());
          fake.runUntilIdle();
        }
      }
    }
    for (int i = 0; i < 3; i++) { // and a few left queued
      fake.clock().advance(Duration.ofSeconds(1));
      engine.createFlow(NewFlow.builder("ok").input(NewAsset.text("x")).build());
    }
  }

  @AfterEach
  void close() {
    fake.close();
  }

  private List<Flow> everything() {
    List<Flow> all = new ArrayList<>();
    for (Flow flow : engine.listFlows(FlowQuery.builder().limit(1000).build()).items()) {
      all.add(engine.getFlow(flow.id()));
    }
    return all;
  }

  private static <T extends Comparable<T>> Comparator<Flow> nullsLast(
      Function<Flow, T> key, SortDirection direction) {
    Comparator<T> values =
        direction == SortDirection.ASCENDING
            ? Comparator.naturalOrder()
            : Comparator.reverseOrder();
    Comparator<Flow> ids = Comparator.comparing(Flow::id);
    return Comparator.comparing(key, Comparator.nullsLast(values))
        .thenComparing(direction == SortDirection.ASCENDING ? ids : ids.reversed());
  }

  private static Comparator<Flow> expectedOrder(FlowSortKey key, SortDirection direction) {
    return switch (key) {
      case STATE -> nullsLast(Flow::state, direction);
      case PROGRESS -> nullsLast(Flow::progress, direction);
      case CREATED_AT -> nullsLast(Flow::createdAt, direction);
      case STARTED_AT -> nullsLast(Flow::startedAt, direction);
      case FINISHED_AT -> nullsLast(Flow::finishedAt, direction);
    };
  }

  private List<Flow> pageThrough(FlowQuery first) {
    List<Flow> seen = new ArrayList<>();
    FlowPage page = engine.listFlows(first);
    seen.addAll(page.items());
    while (page.hasNext()) {
      assertThat(page.items()).hasSize(first.limit());
      page = engine.listFlows(first.after(page.nextCursor()));
      seen.addAll(page.items());
    }
    return seen;
  }

  @ParameterizedTest
  @EnumSource(FlowSortKey.class)
  void everySortKey_inBothDirections_pagesInTheDocumentedOrder(FlowSortKey key) {
    for (SortDirection direction : SortDirection.values()) {
      List<Flow> expected = everything().stream().sorted(expectedOrder(key, direction)).toList();
      List<Flow> paged = pageThrough(FlowQuery.builder().sortBy(key, direction).limit(5).build());
      assertThat(paged).as("%s %s", key, direction).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void stateFilter_returnsOnlyThoseStates() {
    Set<FlowState> wanted = Set.of(FlowState.COMPLETED, FlowState.FAILED);
    List<Flow> paged = pageThrough(FlowQuery.builder().states(wanted).limit(4).build());
    assertThat(paged).hasSize(18).allSatisfy(f -> assertThat(wanted).contains(f.state()));
    assertThat(pageThrough(FlowQuery.builder().states(FlowState.CREATED).limit(100).build()))
        .hasSize(6);
    assertThat(pageThrough(FlowQuery.builder().states(FlowState.STARTING).limit(2).build()))
        .hasSize(3);
  }

  @Test
  void defaultQuery_isOldestFirst_fiftyAtATime() {
    for (int i = 0; i < 40; i++) {
      engine.createFlow(NewFlow.of("ok"));
    }
    FlowPage first = engine.listFlows(FlowQuery.all());
    assertThat(first.items()).hasSize(50);
    assertThat(first.items())
        .isSortedAccordingTo(Comparator.comparing(Flow::createdAt).thenComparing(Flow::id));
    assertThat(engine.listFlows(FlowQuery.all().after(first.nextCursor())).items()).hasSize(17);
  }

  @Test
  void fieldSelection_shapesTheSummaries() {
    FlowPage page =
        engine.listFlows(
            FlowQuery.builder().fields(FlowField.STATE, FlowField.PROGRESS).limit(2).build());
    assertThat(page.summaries()).hasSize(2);
    assertThat(page.summaries().getFirst()).containsOnlyKeys("flow_id", "state", "progress");
    assertThat(engine.listFlows(FlowQuery.builder().limit(1).build()).summaries().getFirst())
        .hasSize(1 + FlowField.values().length);
  }

  @Test
  void paging_isStableWhileFlowsAreCreated() {
    for (SortDirection direction : SortDirection.values()) {
      Set<String> before = new HashSet<>(everything().stream().map(Flow::id).toList());
      FlowQuery query =
          FlowQuery.builder().sortBy(FlowSortKey.CREATED_AT, direction).limit(5).build();
      List<String> seen = new ArrayList<>();
      FlowPage page = engine.listFlows(query);
      while (true) {
        page.items().forEach(f -> seen.add(f.id()));
        fake.clock().advance(Duration.ofSeconds(1));
        engine.createFlow(NewFlow.of("ok")); // a new flow between every two pages
        if (!page.hasNext()) {
          break;
        }
        page = engine.listFlows(query.after(page.nextCursor()));
      }
      assertThat(seen).doesNotHaveDuplicates().containsAll(before);
    }
  }

  @Test
  void cursors_mustBeUnchangedAndFromTheSameOrder() {
    FlowPage page = engine.listFlows(FlowQuery.builder().limit(2).build());
    assertThatThrownBy(
            () -> engine.listFlows(FlowQuery.builder().limit(2).cursor("garbage!").build()))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.violations().getFirst().field()).isEqualTo("cursor"));
    assertThatThrownBy(
            () ->
                engine.listFlows(
                    FlowQuery.builder()
                        .sortBy(FlowSortKey.PROGRESS)
                        .cursor(page.nextCursor())
                        .build()))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.getMessage()).contains("sorted by created_at ascending"));
    String forged =
        java.util.Base64.getUrlEncoder()
            .encodeToString(
                "v1|CREATED_AT|ASCENDING|not-a-time|0123456789abcdef01234567"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThatThrownBy(() -> engine.listFlows(FlowQuery.builder().cursor(forged).build()))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void limits_outsideOneToAThousand_areRefused() {
    assertThatThrownBy(() -> FlowQuery.builder().limit(0).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FlowQuery.builder().limit(1001).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(FlowQuery.builder().limit(1000).build().limit()).isEqualTo(1000);
  }

  @Test
  void timestamps_haveMicrosecondPrecision() {
    fake.clock().advance(Duration.ofNanos(1_234_567));
    Flow flow = engine.createFlow(NewFlow.of("ok"));
    assertThat(flow.createdAt().getNano() % 1000).isZero();
    assertThat(flow.createdAt())
        .isBefore(fake.clock().instant().plusNanos(1))
        .isAfter(Instant.EPOCH);
  }
}
