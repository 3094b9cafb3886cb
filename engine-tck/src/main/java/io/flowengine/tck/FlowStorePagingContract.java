package io.flowengine.tck;

import static io.flowengine.tck.TestFlows.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.FlowSortKey;
import io.flowengine.FlowState;
import io.flowengine.SortDirection;
import io.flowengine.spi.FlowOrdering;
import io.flowengine.spi.FlowPageRequest;
import io.flowengine.spi.FlowRecord;
import io.flowengine.spi.FlowStore;
import io.flowengine.spi.SortPosition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The listing half of the {@link FlowStore} contract: {@link FlowStore#page} in {@link
 * FlowOrdering} order for every sort key and direction, with state and account filters, and keyset
 * continuation that neither repeats nor skips a flow while new flows are inserted. Extend {@link
 * FlowStoreContract}, which includes these tests.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
public abstract class FlowStorePagingContract {
  /** For a subclass that runs the suite against its own flow store. */
  protected FlowStorePagingContract() {}

  private static final List<@Nullable String> ACCOUNTS =
      java.util.Arrays.asList("acct-a", "acct-b", null);

  /** The store under test, fresh for each test. */
  protected FlowStore store;

  /** Records with increasing ids. */
  protected final TestFlows flows = new TestFlows();

  /** Returns a new, empty store. */
  protected abstract FlowStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  private record Filter(Set<FlowState> states, @Nullable String accountId) {
    boolean matches(FlowRecord record) {
      return (states.isEmpty() || states.contains(record.state()))
          && (accountId == null || accountId.equals(record.accountId()));
    }
  }

  private static final List<Filter> FILTERS =
      List.of(
          new Filter(Set.of(), null),
          new Filter(EnumSet.of(FlowState.RUNNING), null),
          new Filter(EnumSet.of(FlowState.CREATED, FlowState.COMPLETED, FlowState.ABORTING), null),
          new Filter(Set.of(), "acct-a"),
          new Filter(EnumSet.of(FlowState.STARTING, FlowState.FAILED), "acct-b"),
          new Filter(EnumSet.of(FlowState.ABORTED), "acct-none"));

  /** Inserts {@code count} flows with many equal sort values, so ties are broken by id. */
  private List<FlowRecord> insertMixed(Random random, int count) {
    List<FlowRecord> inserted = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      FlowRecord record = mixed(random);
      store.insert(record);
      inserted.add(record);
    }
    return inserted;
  }

  private FlowRecord mixed(Random random) {
    FlowState state = FlowState.values()[random.nextInt(FlowState.values().length)];
    double progress = state == FlowState.COMPLETED ? 1.0 : random.nextInt(4) / 4.0;
    Instant created = at(random.nextInt(15));
    Instant started = state == FlowState.CREATED ? null : at(100 + random.nextInt(8));
    Instant finished = state.isTerminal() ? at(200 + random.nextInt(6)) : null;
    return flows.inState(
        ACCOUNTS.get(random.nextInt(ACCOUNTS.size())), state, progress, created, started, finished);
  }

  private static List<FlowRecord> expected(
      List<FlowRecord> all, FlowSortKey key, SortDirection direction, Filter filter) {
    return all.stream()
        .filter(filter::matches)
        .sorted(FlowOrdering.recordComparator(key, direction))
        .toList();
  }

  private List<FlowRecord> walk(FlowSortKey key, SortDirection direction, Filter filter, int size) {
    List<FlowRecord> seen = new ArrayList<>();
    SortPosition after = null;
    for (int pages = 0; pages < 10_000; pages++) {
      List<FlowRecord> page =
          store.page(
              new FlowPageRequest(
                  key, direction, filter.states(), filter.accountId(), after, size));
      assertThat(page).hasSizeLessThanOrEqualTo(size);
      seen.addAll(page);
      if (page.size() < size) {
        return seen;
      }
      after = FlowOrdering.positionOf(page.getLast(), key);
    }
    throw new AssertionError("paging did not end");
  }

  @Test
  void page_everyKeyDirectionAndFilter_listsInFlowOrderingOrder() {
    List<FlowRecord> all = insertMixed(new Random(7), 90);
    for (FlowSortKey key : FlowSortKey.values()) {
      for (SortDirection direction : SortDirection.values()) {
        for (Filter filter : FILTERS) {
          List<FlowRecord> expected = expected(all, key, direction, filter);
          for (int size : new int[] {3, 16, 1000}) {
            assertThat(walk(key, direction, filter, size))
                .as("%s %s %s page size %s", key, direction, filter, size)
                .containsExactlyElementsOf(expected);
          }
        }
      }
    }
  }

  @Test
  void page_missingTimes_sortLastInBothDirections() {
    FlowRecord created = flows.created(null, at(1));
    FlowRecord running = flows.inState(null, FlowState.RUNNING, 0.5, at(2), at(10), null);
    FlowRecord done = flows.inState(null, FlowState.COMPLETED, 1.0, at(3), at(5), at(20));
    FlowRecord created2 = flows.created(null, at(4));
    for (FlowRecord r : List.of(created, running, done, created2)) {
      store.insert(r);
    }
    assertThat(page(FlowSortKey.STARTED_AT, SortDirection.ASCENDING, null, 10))
        .containsExactly(done, running, created, created2);
    assertThat(page(FlowSortKey.STARTED_AT, SortDirection.DESCENDING, null, 10))
        .containsExactly(running, done, created2, created);
    assertThat(page(FlowSortKey.FINISHED_AT, SortDirection.ASCENDING, null, 10))
        .containsExactly(done, created, running, created2);
    assertThat(page(FlowSortKey.FINISHED_AT, SortDirection.DESCENDING, null, 10))
        .containsExactly(done, created2, running, created);
    SortPosition inNulls = new SortPosition(null, created.id());
    assertThat(page(FlowSortKey.FINISHED_AT, SortDirection.ASCENDING, inNulls, 10))
        .containsExactly(running, created2);
    assertThat(
            page(
                FlowSortKey.FINISHED_AT,
                SortDirection.DESCENDING,
                new SortPosition(null, created2.id()),
                10))
        .containsExactly(running, created);
  }

  @Test
  void page_statesSortInLifecycleOrder() {
    List<FlowRecord> byState = new ArrayList<>();
    FlowState[] states = FlowState.values();
    for (int i = states.length - 1; i >= 0; i--) {
      FlowRecord r =
          flows.inState(
              null,
              states[i],
              0,
              at(i),
              states[i] == FlowState.CREATED ? null : at(i),
              states[i].isTerminal() ? at(i) : null);
      store.insert(r);
      byState.add(0, r);
    }
    assertThat(page(FlowSortKey.STATE, SortDirection.ASCENDING, null, 20))
        .containsExactlyElementsOf(byState);
    assertThat(page(FlowSortKey.STATE, SortDirection.DESCENDING, null, 20))
        .containsExactlyElementsOf(byState.reversed());
  }

  @Test
  void page_afterAPositionWhoseFlowWasDeleted_continuesAfterIt() {
    List<FlowRecord> all = insertMixed(new Random(3), 20);
    List<FlowRecord> sorted =
        expected(all, FlowSortKey.PROGRESS, SortDirection.DESCENDING, FILTERS.get(0));
    FlowRecord gone = sorted.get(7);
    assertThat(store.delete(gone)).isTrue();

    assertThat(
            page(
                FlowSortKey.PROGRESS,
                SortDirection.DESCENDING,
                FlowOrdering.positionOf(gone, FlowSortKey.PROGRESS),
                100))
        .containsExactlyElementsOf(sorted.subList(8, sorted.size()));
  }

  @Test
  void page_reflectsChangesMadeByCompareAndSet() {
    FlowRecord a = flows.created(null, at(1));
    FlowRecord b = flows.created(null, at(2));
    store.insert(a);
    store.insert(b);
    FlowRecord aStarted = TestFlows.moved(a, FlowState.STARTING, at(50));
    assertThat(store.compareAndSet(a, aStarted)).isTrue();

    assertThat(
            store.page(
                new FlowPageRequest(
                    FlowSortKey.STATE,
                    SortDirection.ASCENDING,
                    EnumSet.of(FlowState.STARTING),
                    null,
                    null,
                    10)))
        .containsExactly(aStarted);
    assertThat(page(FlowSortKey.STARTED_AT, SortDirection.ASCENDING, null, 10))
        .containsExactly(aStarted, b);
  }

  @Test
  void page_whileFlowsAreInserted_neverRepeatsOrSkipsAFlow() {
    Random random = new Random(11);
    for (FlowSortKey key : FlowSortKey.values()) {
      for (SortDirection direction : SortDirection.values()) {
        store = newStore();
        List<FlowRecord> initial = insertMixed(random, 30);
        Comparator<FlowRecord> order = FlowOrdering.recordComparator(key, direction);
        List<FlowRecord> seen = new ArrayList<>();
        SortPosition after = null;
        while (true) {
          List<FlowRecord> page = page(key, direction, after, 4);
          seen.addAll(page);
          insertMixed(random, 3);
          if (page.size() < 4) {
            break;
          }
          after = FlowOrdering.positionOf(page.getLast(), key);
        }
        for (int i = 1; i < seen.size(); i++) {
          assertThat(order.compare(seen.get(i - 1), seen.get(i)))
              .as("%s %s: %s before %s", key, direction, seen.get(i - 1), seen.get(i))
              .isNegative();
        }
        assertThat(new HashSet<>(seen)).hasSize(seen.size()).containsAll(initial);
      }
    }
  }

  private List<FlowRecord> page(
      FlowSortKey key, SortDirection direction, @Nullable SortPosition after, int limit) {
    return store.page(new FlowPageRequest(key, direction, Set.of(), null, after, limit));
  }
}
