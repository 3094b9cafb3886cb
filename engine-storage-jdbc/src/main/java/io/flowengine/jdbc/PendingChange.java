package io.flowengine.jdbc;

import io.flowengine.spi.FlowRecord;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * One caller's change waiting in a {@link GroupCommit}: what to write, the future its caller waits
 * on, and, once the writer has decided it, its outcome. A change whose expected record is the
 * record a change still pending writes ({@link #dependsOn}) succeeds only if that one does, so a
 * caller may queue a flow's next change before the previous one is committed. Fields set by the
 * writer are read by other threads only after the queue's lock or the future's completion.
 */
final class PendingChange {
  enum Kind {
    INSERT,
    UPDATE,
    DELETE,
    WORK
  }

  final Kind kind;
  final @Nullable String flowId;
  final @Nullable FlowRecord expected;
  final @Nullable FlowRecord record;
  final @Nullable SqlWork<?> work;
  final CompletableFuture<Object> future = new CompletableFuture<>();

  /** The pending change whose record this one expects; set when queued. */
  @Nullable PendingChange dependsOn;

  /** Whether the write happened; null until decided. Volatile: dependents read it later. */
  volatile @Nullable Boolean succeeded;

  @Nullable Object result;
  @Nullable RuntimeException failure;

  private PendingChange(
      Kind kind,
      @Nullable String flowId,
      @Nullable FlowRecord expected,
      @Nullable FlowRecord record,
      @Nullable SqlWork<?> work) {
    this.kind = kind;
    this.flowId = flowId;
    this.expected = expected;
    this.record = record;
    this.work = work;
  }

  static PendingChange insert(FlowRecord record) {
    return new PendingChange(Kind.INSERT, record.id(), null, record, null);
  }

  static PendingChange update(FlowRecord expected, FlowRecord next) {
    return new PendingChange(Kind.UPDATE, expected.id(), expected, next, null);
  }

  static PendingChange delete(FlowRecord expected) {
    return new PendingChange(Kind.DELETE, expected.id(), expected, null, null);
  }

  static PendingChange work(SqlWork<?> work) {
    return new PendingChange(Kind.WORK, null, null, null, work);
  }

  /** Decides the change: written ({@code result}) or not ({@code false} for a lost race). */
  void decide(boolean written, @Nullable Object result) {
    this.succeeded = written;
    this.result = result;
    this.failure = null;
  }

  void fail(RuntimeException e) {
    this.succeeded = false;
    this.result = null;
    this.failure = e;
  }

  /** Completes the caller's future with the decided outcome. */
  void acknowledge() {
    if (failure != null) {
      future.completeExceptionally(failure);
    } else {
      future.complete(result);
    }
  }

  /** Says what the change does, for error messages. */
  String action() {
    return switch (kind) {
      case INSERT -> "insert flow " + flowId;
      case UPDATE -> "update flow " + flowId + " from version " + expected().version();
      case DELETE -> "delete flow " + flowId + " at version " + expected().version();
      case WORK -> "write " + work;
    };
  }

  FlowRecord expected() {
    if (expected == null) {
      throw new IllegalStateException(kind + " has no expected record");
    }
    return expected;
  }

  FlowRecord record() {
    if (record == null) {
      throw new IllegalStateException(kind + " has no record");
    }
    return record;
  }
}
