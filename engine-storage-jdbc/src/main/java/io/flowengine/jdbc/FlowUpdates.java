package io.flowengine.jdbc;

import io.flowengine.spi.FlowRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * What every store on a {@link GroupCommit} checks and does the same way for a flow record update:
 * the replacement must be the next version of the same flow, and a bulk update is queued whole
 * before it is awaited, so the writer can take it as one batch. Stateless and thread-safe.
 */
public final class FlowUpdates {
  private FlowUpdates() {}

  /**
   * Checks that {@code next} is version {@code expected.version() + 1} of the same flow.
   *
   * @throws IllegalArgumentException if it is not
   */
  public static void checkNextVersion(FlowRecord expected, FlowRecord next) {
    if (!next.id().equals(expected.id()) || next.version() != expected.version() + 1) {
      throw new IllegalArgumentException(
          "next must be version "
              + (expected.version() + 1)
              + " of flow "
              + expected.id()
              + ", was version "
              + next.version()
              + " of "
              + next.id());
    }
  }

  /**
   * Checks every pair with {@code check} before anything is queued, then queues every update on
   * {@code commit} and waits for all of them.
   *
   * @return for each pair, whether {@code expected} was replaced (false if its version moved)
   * @throws IllegalArgumentException if the lists differ in size or {@code check} refuses a pair
   * @throws io.flowengine.StorageException if a write fails
   */
  public static boolean[] compareAndSetAll(
      GroupCommit commit,
      List<FlowRecord> expected,
      List<FlowRecord> next,
      BiConsumer<FlowRecord, FlowRecord> check) {
    if (expected.size() != next.size()) {
      throw new IllegalArgumentException(
          expected.size() + " expected records but " + next.size() + " replacements");
    }
    for (int i = 0; i < expected.size(); i++) {
      check.accept(expected.get(i), next.get(i));
    }
    List<CompletableFuture<Boolean>> pending = new ArrayList<>(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      pending.add(commit.compareAndSet(expected.get(i), next.get(i)));
    }
    boolean[] replaced = new boolean[expected.size()];
    for (int i = 0; i < replaced.length; i++) {
      replaced[i] = GroupCommit.await(pending.get(i));
    }
    return replaced;
  }
}
