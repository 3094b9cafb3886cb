package io.flowengine.spi;

import io.flowengine.AssetRole;
import io.flowengine.Flow;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Hears what the engine does with flows, for metrics, tracing and logging integrations
 * (engine-micrometer, engine-opentelemetry). Registered with {@code
 * FlowEngine.builder().observer(...)}; every method has a do-nothing default.
 *
 * <p>Two kinds of calls. The lifecycle calls ({@link #flowCreated}, {@link #flowRunning}, {@link
 * #flowFinished}, {@link #assetStored}) come once a change is stored, on whichever thread stored it
 * (a caller's, the flow's, or a durable store's notifier thread), so they must be quick and must
 * not block. The execution calls ({@link #runStarted}, {@link #stepStarted}) come on the flow's own
 * thread, inside the context every {@link ContextPropagator} attached there, and return the scope
 * the engine closes on that same thread when the run or the step ends: that is where a tracer opens
 * a span or a logger sets its context. What an observer throws is logged and otherwise ignored.
 * Durations come from the engine's {@link java.time.Clock}. Implementations must be thread-safe:
 * flows run concurrently.
 */
public interface FlowObserver {

  /** Called once a new flow is stored ({@code created}, or {@code starting} with inputs). */
  default void flowCreated(Flow flow) {}

  /**
   * Called once a flow's run is stored as {@code running}.
   *
   * @param queued how long it waited {@code starting}, from its start to now
   */
  default void flowRunning(Flow flow, Duration queued) {}

  /**
   * Called once a flow reached a terminal state ({@code completed}, {@code failed} or {@code
   * aborted}); {@link Flow#state()} is the outcome and {@link Flow#error()} says why it failed.
   *
   * @param running how long it ran, from {@code running} to its end, or null if it did not run in
   *     this engine (aborted while queued, or finished by recovery after a restart)
   */
  default void flowFinished(Flow flow, @Nullable Duration running) {}

  /** Called once an input or output of {@code flowId} is stored, with its size in bytes. */
  default void assetStored(String flowId, AssetRole role, long bytes) {}

  /**
   * Called on the flow's thread before its first step; the engine closes the returned scope on the
   * same thread after the last step, with what ended the run (null if every step returned).
   */
  default ObservationScope runStarted(FlowRun flow) {
    return ObservationScope.none();
  }

  /**
   * Called on the flow's thread just before step {@code index} (from 0) of {@code count} runs,
   * inside the scope {@link #runStarted} returned and with the flow's MDC keys set; the engine
   * closes the returned scope on the same thread when the step ends, with what it threw (null if it
   * returned).
   */
  default ObservationScope stepStarted(FlowRun flow, int index, int count) {
    return ObservationScope.none();
  }
}
