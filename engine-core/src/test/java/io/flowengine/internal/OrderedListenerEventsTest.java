package io.flowengine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.Flow;
import io.flowengine.FlowEngine;
import io.flowengine.FlowListener;
import io.flowengine.FlowState;
import io.flowengine.NewAsset;
import io.flowengine.NewFlow;
import io.flowengine.TestTemplates;
import io.flowengine.spi.FlowObserver;
import io.flowengine.testing.Steps;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: every listener, observer and waiter hears one flow's changes in the order in which they
 * were stored, also when an abort races the flow's own thread (before, a listener could hear {@code
 * aborted} before {@code aborting}).
 */
class OrderedListenerEventsTest {
  private static final int FLOWS = 4_000;

  /** What one listener heard of each flow, checked as it arrives. */
  private static final class Recorder implements FlowListener {
    final ConcurrentMap<String, List<Flow>> heard = new ConcurrentHashMap<>();
    final List<String> disorder = new ArrayList<>();

    @Override
    public void onStateChange(@Nullable Flow previous, Flow current) {
      if (current.state() == FlowState.ABORTING) {
        Thread.yield(); // widen the window in which the aborted change races this delivery
      }
      List<Flow> flow = heard.computeIfAbsent(current.id(), id -> new ArrayList<>());
      synchronized (flow) {
        Flow last = flow.isEmpty() ? null : flow.getLast();
        if (previous == null ? last != null : !previous.equals(last)) {
          report(current.id() + ": heard " + previous + " -> " + current + " after " + last);
        } else if (previous != null && !legal(previous.state(), current.state())) {
          report(current.id() + ": illegal " + previous.state() + " -> " + current.state());
        }
        flow.add(current);
      }
    }

    @Override
    public void onProgress(Flow current) {
      List<Flow> flow = heard.computeIfAbsent(current.id(), id -> new ArrayList<>());
      synchronized (flow) {
        Flow last = flow.isEmpty() ? null : flow.getLast();
        if (last == null
            || last.state() != FlowState.RUNNING
            || current.progress() <= last.progress()) {
          report(current.id() + ": progress " + current.progress() + " after " + last);
        }
        flow.add(current);
      }
    }

    private synchronized void report(String problem) {
      disorder.add(problem);
    }

    List<Flow> of(String flowId) {
      List<Flow> flow = heard.getOrDefault(flowId, List.of());
      synchronized (flow) {
        return List.copyOf(flow);
      }
    }
  }

  /** The lifecycle calls an observer heard, per flow, in order. */
  private static final class LifecycleLog implements FlowObserver {
    final ConcurrentMap<String, List<String>> calls = new ConcurrentHashMap<>();

    private void add(String flowId, String call) {
      List<String> flow = calls.computeIfAbsent(flowId, id -> new ArrayList<>());
      synchronized (flow) {
        flow.add(call);
      }
    }

    @Override
    public void flowCreated(Flow flow) {
      add(flow.id(), "created");
    }

    @Override
    public void flowRunning(Flow flow, Duration queued) {
      add(flow.id(), "running");
    }

    @Override
    public void flowFinished(Flow flow, @Nullable Duration running) {
      add(flow.id(), "finished");
    }
  }

  private static boolean legal(FlowState from, FlowState to) {
    for (FlowEvent event : FlowEvent.values()) {
      if (FlowTransitions.next(from, event) == to) {
        return true;
      }
    }
    return false;
  }

  @Test
  void racingAborts_everyListenerHearsEachFlowInStoredOrder() throws Exception {
    Recorder first = new Recorder();
    Recorder second = new Recorder();
    LifecycleLog observer = new LifecycleLog();
    try (FlowEngine engine =
            FlowEngine.builder()
                .template(
                    TestTemplates.of("t", Steps.progress(0.25, 0.5, 0.75), Steps.progress(0.5)))
                .listener(first)
                .observer(observer)
                .maxRunningFlows(64)
                .build();
        ExecutorService aborters = Executors.newFixedThreadPool(2)) {
      engine.addListener(second);
      List<Future<?>> aborts = new ArrayList<>();
      List<String> ids = new ArrayList<>();
      Map<String, CompletableFuture<Flow>> ends = new ConcurrentHashMap<>();
      for (int i = 0; i < FLOWS; i++) {
        String id = engine.createFlow(NewFlow.builder("t").input(NewAsset.text("x")).build()).id();
        ids.add(id);
        ends.put(id, engine.awaitFlow(id));
        if (i % 2 == 0) {
          aborts.add(aborters.submit(() -> abortQuietly(engine, id)));
        }
      }
      for (Future<?> abort : aborts) {
        abort.get(60, TimeUnit.SECONDS);
      }
      for (CompletableFuture<Flow> end : ends.values()) {
        end.get(60, TimeUnit.SECONDS);
      }
      assertThat(first.disorder).isEmpty();
      assertThat(second.disorder).isEmpty();
      int aborted = 0;
      for (String id : ids) {
        Flow end = ends.get(id).join();
        // the waiter completes only after every listener heard the terminal change
        assertThat(first.of(id)).last().isEqualTo(end);
        assertThat(second.of(id)).last().isEqualTo(end);
        aborted += end.state() == FlowState.ABORTED ? 1 : 0;
      }
      assertThat(aborted).as("aborts really raced the runs").isPositive();
      for (String id : ids) {
        assertThat(observer.calls.get(id))
            .as("observer calls of %s", id)
            .isIn(List.of("created", "finished"), List.of("created", "running", "finished"));
        assertThat(first.of(id).getFirst().state()).isEqualTo(FlowState.STARTING);
      }
      assertThat(((DefaultFlowEngine) engine).pendingDeliveries()).isZero();
    }
  }

  private static void abortQuietly(FlowEngine engine, String id) {
    try {
      engine.abortFlow(id);
    } catch (io.flowengine.FlowStateException finishedFirst) {
      // the flow ended before the abort: nothing to race
    }
  }
}
