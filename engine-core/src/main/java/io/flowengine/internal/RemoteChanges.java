package io.flowengine.internal;

import io.flowengine.spi.FlowRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Tells this node's listeners (and waiters) of the state and progress changes other cluster nodes
 * stored, as a {@link io.flowengine.spi.ClusterStore} announces them: the flow is read again and
 * its change is delivered through the engine's ordered delivery, once per version, never older than
 * one told before. {@code previous} is the flow as this node last told of it (the last 10,000 flows
 * heard are remembered), or null if it has not heard of it before; a change heard late may stand
 * for several (two announcements read after both writes deliver one change). Thread-safe.
 */
final class RemoteChanges {
  private static final int REMEMBERED = 10_000;

  private final EngineContext ctx;
  private final Map<String, FlowRecord> told = // guarded by this
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, FlowRecord> eldest) {
          return size() > REMEMBERED;
        }
      };

  RemoteChanges(EngineContext ctx) {
    this.ctx = ctx;
  }

  /** Returns whether anyone here listens, so that a heard change is worth reading the flow for. */
  boolean listened() {
    return !ctx.stateMachine().writes().listeners().isEmpty();
  }

  /**
   * Reads {@code flowId} and tells of its state change if it is newer than what was told before.
   *
   * @return the record read, or null if the flow is gone
   */
  @Nullable FlowRecord heard(String flowId) {
    Optional<FlowRecord> found = ctx.flows().find(flowId);
    if (found.isEmpty()) {
      forget(flowId);
      return null;
    }
    FlowRecord current = found.get();
    FlowRecord previous;
    synchronized (this) {
      previous = told.get(flowId);
      if (previous != null && previous.version() >= current.version()) {
        return current;
      }
      told.put(flowId, current);
    }
    double toldProgress = previous == null ? 0.0 : previous.progress();
    if (previous == null || previous.state() != current.state()) {
      ctx.stateMachine().writes().changed(previous, current);
      if (!current.state().isTerminal() && current.progress() != toldProgress) { // read after both
        ctx.stateMachine().writes().progressed(current);
      }
    } else if (current.progress() != toldProgress) {
      ctx.stateMachine().writes().progressed(current);
    }
    return current;
  }

  /** Forgets a deleted flow. */
  synchronized void forget(String flowId) {
    told.remove(flowId);
  }
}
