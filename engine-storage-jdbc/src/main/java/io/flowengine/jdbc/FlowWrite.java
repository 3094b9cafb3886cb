package io.flowengine.jdbc;

import io.flowengine.spi.FlowRecord;
import org.jspecify.annotations.Nullable;

/**
 * One flow row write of a batch that {@link FlowStatements#writeAll} sends at once: an insert of
 * {@code record}, a versioned compare-and-set from {@code expected} to {@code record}, or a
 * versioned delete of {@code expected}. Immutable.
 *
 * @param kind which statement
 * @param expected the row it expects (compare-and-set, delete); null for an insert
 * @param record the row it writes (insert, compare-and-set); null for a delete
 */
public record FlowWrite(Kind kind, @Nullable FlowRecord expected, @Nullable FlowRecord record) {
  /** Which statement a write is. */
  public enum Kind {
    /** {@link FlowStatements#insert}. */
    INSERT,
    /** {@link FlowStatements#compareAndSet}. */
    COMPARE_AND_SET,
    /** {@link FlowStatements#delete}. */
    DELETE
  }

  /** Returns the record an insert or compare-and-set writes. */
  public FlowRecord written() {
    if (record == null) {
      throw new IllegalStateException(kind + " writes no record");
    }
    return record;
  }

  /** Returns the record a compare-and-set or delete expects. */
  public FlowRecord expectedRecord() {
    if (expected == null) {
      throw new IllegalStateException(kind + " expects no record");
    }
    return expected;
  }
}
