package io.flowengine.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.flowengine.spi.ContextPropagator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The callers' contexts waiting for their flows to run: captured by every {@link ContextPropagator}
 * on the caller's thread, attached on the flow's thread. In memory only, and bounded: at most
 * {@value #MAX_WAITING} flows keep a captured context (the oldest are dropped beyond that); a flow
 * takes its context when it runs, and an abort or delete drops it. A step's thread's contexts are
 * also carried onto the threads the step fans out to ({@link #fork}). Thread-safe.
 */
final class CarriedContexts {
  private static final Logger log = LoggerFactory.getLogger(CarriedContexts.class);
  static final int MAX_WAITING = 100_000;
  private static final ContextPropagator.Attachment NOTHING_ATTACHED = () -> {};

  private final List<ContextPropagator<?>> propagators;
  private final Cache<String, List<Captured<?>>> waiting =
      Caffeine.newBuilder().maximumSize(MAX_WAITING).build();

  CarriedContexts(List<ContextPropagator<?>> propagators) {
    this.propagators = List.copyOf(propagators);
  }

  /** Captures the calling thread's contexts for {@code flowId}, replacing any captured before. */
  void capture(String flowId) {
    if (propagators.isEmpty()) {
      return;
    }
    List<Captured<?>> captured = captureAll(flowId);
    if (!captured.isEmpty()) {
      waiting.put(flowId, captured);
    } else if (waiting.estimatedSize() > 0) {
      waiting.invalidate(flowId);
    }
  }

  /** Drops what was captured for {@code flowId}. */
  void forget(String flowId) {
    if (waiting.estimatedSize() > 0) {
      waiting.invalidate(flowId);
    }
  }

  /**
   * Takes what was captured for {@code flowId} and attaches it on the calling thread.
   *
   * @return what detaches it again, innermost first
   */
  ContextPropagator.Attachment attach(String flowId) {
    if (waiting.estimatedSize() == 0) { // Caffeine's remove allocates even when the key is absent
      return NOTHING_ATTACHED;
    }
    List<Captured<?>> captured = waiting.asMap().remove(flowId);
    if (captured == null) {
      return NOTHING_ATTACHED;
    }
    return attachAll(captured, flowId);
  }

  /**
   * Captures the calling thread's contexts now (a step's thread: the flow's MDC keys, its trace
   * span) for the threads it fans out to ({@link ParallelMap}).
   *
   * @return what attaches them on the calling thread, once per call, and detaches on close
   */
  Supplier<ContextPropagator.Attachment> fork(String flowId) {
    List<Captured<?>> captured = captureAll(flowId);
    return captured.isEmpty() ? () -> () -> {} : () -> attachAll(captured, flowId);
  }

  private List<Captured<?>> captureAll(String flowId) {
    List<Captured<?>> captured = new ArrayList<>(propagators.size());
    for (ContextPropagator<?> propagator : propagators) {
      try {
        Captured<?> one = Captured.of(propagator);
        if (one != null) {
          captured.add(one);
        }
      } catch (RuntimeException e) {
        log.warn("context propagator {} failed to capture for flow {}", propagator, flowId, e);
      }
    }
    return captured;
  }

  private static ContextPropagator.Attachment attachAll(List<Captured<?>> captured, String flowId) {
    List<ContextPropagator.Attachment> attached = new ArrayList<>(captured.size());
    for (Captured<?> one : captured) {
      try {
        attached.add(one.attach());
      } catch (RuntimeException e) {
        log.warn("context propagator {} failed to attach on flow {}", one.propagator(), flowId, e);
      }
    }
    return () -> {
      for (int i = attached.size() - 1; i >= 0; i--) {
        try {
          attached.get(i).close();
        } catch (RuntimeException e) {
          log.warn("a context propagator failed to detach on flow {}", flowId, e);
        }
      }
    };
  }

  /** One propagator's captured context, typed together so attaching needs no cast. */
  private record Captured<C>(ContextPropagator<C> propagator, C context) {
    static <C> @Nullable Captured<C> of(ContextPropagator<C> propagator) {
      C context = propagator.capture();
      return context == null ? null : new Captured<>(propagator, context);
    }

    ContextPropagator.Attachment attach() {
      return propagator.attach(context);
    }
  }
}
