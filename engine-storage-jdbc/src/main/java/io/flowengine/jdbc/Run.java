package io.flowengine.jdbc;

import io.flowengine.spi.FlowRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Changes of one batch written with one statement: a change and the changes queued against the
 * record it writes, in order (an insert or update, then updates that each expect the previous one's
 * record, perhaps ending with a delete). They all succeed or all fail: a dependent change cannot be
 * written without the one it builds on. A single change is a run of one. Not thread-safe: the
 * writer's.
 */
final class Run {
  final List<PendingChange> changes = new ArrayList<>(1);

  private Run(PendingChange first) {
    changes.add(first);
  }

  PendingChange first() {
    return changes.getFirst();
  }

  PendingChange last() {
    return changes.getLast();
  }

  /** The record the run leaves behind: the last insert's or update's; null if it only deletes. */
  @Nullable FlowRecord finalRecord() {
    for (int i = changes.size() - 1; i >= 0; i--) {
      if (changes.get(i).record != null) {
        return changes.get(i).record;
      }
    }
    return null;
  }

  boolean endsWithDelete() {
    return last().kind == PendingChange.Kind.DELETE;
  }

  /**
   * Splits a batch into runs, in queue order. A change joins the run of its flow whose last change
   * it depends on; any other change starts a run of its own.
   */
  static List<Run> of(List<PendingChange> batch) {
    List<Run> runs = new ArrayList<>(batch.size());
    Map<String, Run> open = new HashMap<>();
    for (PendingChange change : batch) {
      Run run = change.flowId == null ? null : open.get(change.flowId);
      if (run != null
          && change.dependsOn == run.last()
          && !run.endsWithDelete()
          && change.kind != PendingChange.Kind.INSERT) {
        run.changes.add(change);
        continue;
      }
      Run started = new Run(change);
      runs.add(started);
      if (change.flowId != null) {
        open.put(change.flowId, started);
      }
    }
    return runs;
  }

  /** Decides every change of the run alike: written, or not (a lost race). */
  void decide(boolean written) {
    for (PendingChange change : changes) {
      change.decide(written, resultOf(change, written));
    }
  }

  /** Fails the first change with {@code e}; those that depend on it were simply not written. */
  void fail(RuntimeException e) {
    first().fail(e);
    for (int i = 1; i < changes.size(); i++) {
      PendingChange change = changes.get(i);
      change.decide(false, resultOf(change, false));
    }
  }

  private static @Nullable Object resultOf(PendingChange change, boolean written) {
    return switch (change.kind) {
      case INSERT -> null;
      case UPDATE, DELETE -> written;
      case WORK -> throw new IllegalStateException("work is decided by its own result");
    };
  }
}
