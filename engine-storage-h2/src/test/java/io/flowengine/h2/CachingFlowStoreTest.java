package io.flowengine.h2;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.FlowState;
import io.flowengine.Parameters;
import io.flowengine.spi.EngineStorage;
import io.flowengine.spi.FlowRecord;
import io.flowengine.spi.FlowStore;
import io.flowengine.tck.ForwardingFlowStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The read cache writes successful updates through, so polling a changing flow stays cached. */
class CachingFlowStoreTest {
  private final AtomicInteger loads = new AtomicInteger();
  private final FlowStore database = EngineStorage.inMemory().flows();
  private final CachingFlowStore cache =
      new CachingFlowStore(new ForwardingCountingStore(database, loads), 100);

  private static FlowRecord created() {
    return new FlowRecord(
        "0123456789abcdef01234567",
        null,
        "aaaaaaaaaaaaaaaaaaaaaaaa",
        "t",
        FlowState.CREATED,
        0,
        Parameters.empty(),
        null,
        List.of(),
        Instant.EPOCH,
        null,
        null,
        null,
        null,
        0);
  }

  @Test
  void successfulUpdates_areServedFromTheCache() {
    FlowRecord v0 = created();
    cache.insert(v0);
    assertThat(cache.find(v0.id())).contains(v0);
    FlowRecord v1 = v0.transitioned(FlowState.STARTING, 0, Instant.EPOCH, null, null);
    FlowRecord v2 = v1.transitioned(FlowState.RUNNING, 0, Instant.EPOCH, null, null);
    assertThat(cache.compareAndSet(v0, v1)).isTrue();
    assertThat(cache.compareAndSetAll(List.of(v1), List.of(v2))).containsExactly(true);
    assertThat(cache.find(v0.id())).contains(v2);
    assertThat(loads).hasValue(1);
  }

  @Test
  void refusedUpdatesAndDeletes_dropTheEntry() {
    FlowRecord v0 = created();
    cache.insert(v0);
    cache.find(v0.id());
    FlowRecord stale = v0.transitioned(FlowState.STARTING, 0, Instant.EPOCH, null, null);
    database.compareAndSet(v0, stale); // another writer, behind the cache's back
    assertThat(cache.compareAndSet(v0, stale)).isFalse();
    assertThat(cache.find(v0.id())).contains(stale);
    assertThat(loads).hasValue(2);
    assertThat(cache.delete(stale)).isTrue();
    FlowRecord late = stale.transitioned(FlowState.RUNNING, 0, Instant.EPOCH, null, null);
    assertThat(cache.compareAndSet(stale, late)).isFalse();
    assertThat(cache.find(v0.id())).isEmpty();
  }

  /** Counts the finds that reach the database. */
  private static final class ForwardingCountingStore extends ForwardingFlowStore {
    private final AtomicInteger loads;

    ForwardingCountingStore(FlowStore delegate, AtomicInteger loads) {
      super(delegate);
      this.loads = loads;
    }

    @Override
    public Optional<FlowRecord> find(String flowId) {
      loads.incrementAndGet();
      return super.find(flowId);
    }
  }
}
