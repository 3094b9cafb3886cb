package io.flowengine.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.AssetRole;
import io.flowengine.EngineLoad;
import io.flowengine.Flow;
import io.flowengine.FlowEngine;
import io.flowengine.FlowState;
import io.flowengine.NewAsset;
import io.flowengine.NewFlow;
import io.flowengine.Template;
import io.flowengine.spi.FlowObserver;
import io.flowengine.spi.FlowRun;
import io.flowengine.spi.ObservationScope;
import io.flowengine.testing.BlockingStep;
import io.flowengine.testing.ManualClock;
import io.flowengine.testing.ManualExecutor;
import io.flowengine.testing.Steps;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class FlowObserverTest {
  private static final String TEXT = "text/plain";

  /** Writes down every call as one line. */
  static final class Recorder implements FlowObserver {
    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public void flowCreated(Flow flow) {
      calls.add("created " + flow.templateName() + " " + flow.state().wireName());
    }

    @Override
    public void flowRunning(Flow flow, Duration queued) {
      calls.add("running queued=" + queued);
    }

    @Override
    public void flowFinished(Flow flow, @Nullable Duration running) {
      calls.add("finished " + flow.state().wireName() + " running=" + running);
    }

    @Override
    public void assetStored(String flowId, AssetRole role, long bytes) {
      calls.add(role.name().toLowerCase(java.util.Locale.ROOT) + " " + bytes);
    }

    @Override
    public ObservationScope runStarted(FlowRun flow) {
      Thread opener = Thread.currentThread();
      calls.add("run " + flow.templateName());
      return failure -> calls.add("run end " + describe(failure) + " " + same(opener));
    }

    @Override
    public ObservationScope stepStarted(FlowRun flow, int index, int count) {
      Thread opener = Thread.currentThread();
      calls.add("step " + index + "/" + count);
      return failure -> calls.add("step end " + describe(failure) + " " + same(opener));
    }

    private static String describe(@Nullable Throwable failure) {
      return failure == null ? "ok" : failure.getMessage();
    }

    private static String same(Thread opener) {
      return opener == Thread.currentThread() ? "same-thread" : "other-thread";
    }
  }

  @Test
  void observerHearsTheLifecycleWithTimesFromTheEnginesClock() {
    ManualClock clock = new ManualClock();
    ManualExecutor executor = new ManualExecutor();
    Recorder recorder = new Recorder();
    Template template =
        Template.builder("two_steps")
            .inputTypes(TEXT)
            .outputTypes(TEXT)
            .step(ctx -> clock.advance(Duration.ofSeconds(5)))
            .step(ctx -> ctx.writeOutput(TEXT, "four".getBytes(StandardCharsets.UTF_8)))
            .build();
    try (FlowEngine engine =
        FlowEngine.builder()
            .clock(clock)
            .deadlineScheduler(clock)
            .executor(executor)
            .observer(recorder)
            .template(template)
            .build()) {
      Flow flow =
          engine.createFlow(NewFlow.builder("two_steps").input(NewAsset.text("abc")).build());
      clock.advance(Duration.ofSeconds(3)); // queued for 3 s
      executor.runUntilIdle();
      assertThat(engine.getFlow(flow.id()).state()).isEqualTo(FlowState.COMPLETED);
    }
    assertThat(recorder.calls)
        .containsExactly(
            "input 3",
            "created two_steps starting",
            "run two_steps",
            "running queued=PT3S",
            "step 0/2",
            "step end ok same-thread",
            "step 1/2",
            "output 4",
            "step end ok same-thread",
            "run end ok same-thread",
            "finished completed running=PT5S");
  }

  @Test
  void aFailingStepReachesItsScopesAndTheOutcome() {
    Recorder recorder = new Recorder();
    try (FlowEngine engine =
        FlowEngine.builder()
            .observer(recorder)
            .template(
                Template.builder("broken")
                    .inputTypes(TEXT)
                    .outputTypes(TEXT)
                    .step(Steps.fail("boom"))
                    .build())
            .build()) {
      Flow flow = engine.createFlow(NewFlow.builder("broken").input(NewAsset.text("x")).build());
      assertThat(engine.awaitFlow(flow.id()).join().state()).isEqualTo(FlowState.FAILED);
    }
    assertThat(recorder.calls)
        .contains("step end boom same-thread", "run end boom same-thread")
        .anyMatch(call -> call.startsWith("finished failed running=PT"));
  }

  @Test
  void anObserverThatThrowsDoesNotStopTheFlow() {
    FlowObserver hostile =
        new FlowObserver() {
          @Override
          public void flowCreated(Flow flow) {
            throw new IllegalStateException("observer bug");
          }

          @Override
          public ObservationScope stepStarted(FlowRun flow, int index, int count) {
            throw new IllegalStateException("observer bug");
          }
        };
    try (FlowEngine engine =
        FlowEngine.builder()
            .observer(hostile)
            .template(Template.builder("fine").inputTypes(TEXT).step(Steps.succeed()).build())
            .build()) {
      Flow flow = engine.createFlow(NewFlow.builder("fine").input(NewAsset.text("x")).build());
      assertThat(engine.awaitFlow(flow.id()).join().state()).isEqualTo(FlowState.COMPLETED);
    }
  }

  @Test
  void loadCountsRunningAndQueuedFlows() throws Exception {
    BlockingStep blocking = Steps.blocking();
    try (FlowEngine engine =
        FlowEngine.builder()
            .maxRunningFlows(1)
            .template(Template.builder("slow").inputTypes(TEXT).step(blocking).build())
            .build()) {
      assertThat(engine.load()).isEqualTo(new EngineLoad(0, 0));
      Flow first = engine.createFlow(NewFlow.builder("slow").input(NewAsset.text("1")).build());
      Flow second = engine.createFlow(NewFlow.builder("slow").input(NewAsset.text("2")).build());
      blocking.awaitEntered(Duration.ofSeconds(5));
      assertThat(engine.load()).isEqualTo(new EngineLoad(1, 1));
      blocking.release();
      engine.awaitFlow(first.id()).get(5, TimeUnit.SECONDS);
      engine.awaitFlow(second.id()).get(5, TimeUnit.SECONDS);
    }
  }
}
