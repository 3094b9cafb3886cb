package io.flowengine.internal;

import io.flowengine.Flow;
import io.flowengine.FlowListener;
import io.flowengine.FlowState;
import io.flowengine.spi.AssetRecord;
import io.flowengine.spi.FlowObserver;
import io.flowengine.spi.FlowRun;
import io.flowengine.spi.ObservationScope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the {@link FlowObserver}s what happens: the lifecycle calls from the stored state changes
 * it hears as a {@link FlowListener} (measuring queued and running time with the engine's clock),
 * the execution calls from the flow's thread. Contains what observers throw. Thread-safe; with no
 * observer every call returns at once.
 */
final class ObserverBus implements FlowListener {
  private static final Logger log = LoggerFactory.getLogger(ObserverBus.class);

  private final List<FlowObserver> observers;
  private final Clock clock;
  private final ConcurrentMap<String, Instant> runningSince = new ConcurrentHashMap<>();

  ObserverBus(List<FlowObserver> observers, Clock clock) {
    this.observers = List.copyOf(observers);
    this.clock = clock;
  }

  boolean isEmpty() {
    return observers.isEmpty();
  }

  @Override
  public void onStateChange(@Nullable Flow previous, Flow current) {
    if (previous == null) {
      each(o -> o.flowCreated(current), current.id());
    }
    FlowState state = current.state();
    if (state == FlowState.RUNNING && (previous == null || previous.state() != state)) {
      Instant now = clock.instant();
      runningSince.put(current.id(), now);
      Instant started = current.startedAt();
      Duration queued = started == null ? Duration.ZERO : nonNegative(started, now);
      each(o -> o.flowRunning(current, queued), current.id());
    } else if (state.isTerminal()) {
      Instant since = runningSince.remove(current.id());
      Instant end = current.finishedAt() != null ? current.finishedAt() : clock.instant();
      Duration running = since == null ? null : nonNegative(since, end);
      each(o -> o.flowFinished(current, running), current.id());
    }
  }

  void assetStored(AssetRecord asset) {
    if (!observers.isEmpty()) {
      each(o -> o.assetStored(asset.flowId(), asset.role(), asset.size()), asset.flowId());
    }
  }

  ObservationScope runStarted(FlowRun flow) {
    return open(o -> o.runStarted(flow), flow.flowId());
  }

  ObservationScope stepStarted(FlowRun flow, int index, int count) {
    return open(o -> o.stepStarted(flow, index, count), flow.flowId());
  }

  private ObservationScope open(Function<FlowObserver, ObservationScope> opener, String flowId) {
    if (observers.isEmpty()) {
      return ObservationScope.none();
    }
    List<ObservationScope> opened = new ArrayList<>(observers.size());
    for (FlowObserver observer : observers) {
      try {
        opened.add(opener.apply(observer));
      } catch (RuntimeException e) {
        log.warn("observer {} failed on flow {}", observer, flowId, e);
      }
    }
    return failure -> {
      for (int i = opened.size() - 1; i >= 0; i--) { // innermost first
        try {
          opened.get(i).close(failure);
        } catch (RuntimeException e) {
          log.warn("an observer's scope failed to close on flow {}", flowId, e);
        }
      }
    };
  }

  private void each(java.util.function.Consumer<FlowObserver> call, String flowId) {
    for (FlowObserver observer : observers) {
      try {
        call.accept(observer);
      } catch (RuntimeException e) {
        log.warn("observer {} failed on flow {}", observer, flowId, e);
      }
    }
  }

  private static Duration nonNegative(Instant from, Instant to) {
    Duration d = Duration.between(from, to);
    return d.isNegative() ? Duration.ZERO : d;
  }
}
