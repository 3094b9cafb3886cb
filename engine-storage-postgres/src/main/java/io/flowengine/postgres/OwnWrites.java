package io.flowengine.postgres;

import com.google.common.cache.CacheBuilder;
import io.flowengine.spi.FlowRecord;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * The flow rows a storage not in cluster mode wrote itself, as committed, so that reading a flow it
 * just wrote (the start after a create, the claim after a start, the outcome after a run) costs no
 * round trip. Without {@code cluster()} the storage is the only writer of its tables, and every
 * flow row write goes through its group commit: each acknowledged write updates this before its
 * caller hears of it. Versions order what it hears: a write that failed (it may or may not have
 * been committed), a compare-and-set that lost and a delete mark the flow unknown at their version,
 * so the next read asks the database, and an older row heard later never replaces a newer one (a
 * re-inserted flow below its deleted version is read from the database until it passes it).
 * Bounded: the least recently used flows are forgotten first. Thread-safe.
 */
final class OwnWrites {
  /** Flows remembered at most. */
  static final int CAPACITY = 4_096;

  /**
   * What is known of a flow: the row at {@code version}, or (null record) that the row may differ
   * from anything remembered at or below that version, so the database must be asked.
   */
  private record Row(long version, @Nullable FlowRecord record) {
    /** The higher version wins; at the same version, not knowing wins. */
    static Row newer(Row known, Row heard) {
      if (heard.version != known.version) {
        return heard.version > known.version ? heard : known;
      }
      return known.record == null ? known : heard;
    }
  }

  private final ConcurrentMap<String, Row> rows =
      CacheBuilder.newBuilder()
          .maximumSize(CAPACITY)
          .concurrencyLevel(4)
          .<String, Row>build()
          .asMap();

  /** Returns the row this storage last wrote for {@code flowId}, if it knows it. */
  Optional<FlowRecord> find(String flowId) {
    Row row = rows.get(flowId);
    return row == null ? Optional.empty() : Optional.ofNullable(row.record());
  }

  /**
   * Remembers {@code record} once {@code write} commits it; if it fails or loses, marks the flow
   * unknown up to its version. Version order decides, not the order of the callbacks: a callback
   * may run on the caller's thread, after a later write's.
   */
  <T> CompletableFuture<T> written(CompletableFuture<T> write, FlowRecord record) {
    return write.whenComplete(
        (result, failure) -> {
          boolean stored = failure == null && !Boolean.FALSE.equals(result);
          heard(record.id(), new Row(record.version(), stored ? record : null));
        });
  }

  /** Marks {@code expected}'s flow unknown once {@code delete} is decided, whatever it decided. */
  <T> CompletableFuture<T> deleted(CompletableFuture<T> delete, FlowRecord expected) {
    return delete.whenComplete(
        (result, failure) -> heard(expected.id(), new Row(expected.version(), null)));
  }

  private void heard(String flowId, Row row) {
    rows.merge(flowId, row, Row::newer);
  }
}
