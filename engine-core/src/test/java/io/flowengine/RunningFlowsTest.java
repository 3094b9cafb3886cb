package io.flowengine;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.testing.BlockingStep;
import io.flowengine.testing.Steps;
import io.flowengine.testing.TestFlowEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Abort, failure, timeout, progress and listeners on flows running on virtual threads. */
class RunningFlowsTest {
  private static final long WAIT = 10;

  private static TestFlowEngine engineWith(Template... templates) {
    TestFlowEngine.Builder builder =
        TestFlowEngine.builder().mode(TestFlowEngine.Mode.VIRTUAL_THREADS);
    for (Template template : templates) {
      builder.template(template);
    }
    return builder.build();
  }

  private static Flow run(FlowEngine engine, String template) {
    return engine.createFlow(NewFlow.builder(template).input(NewAsset.text("in")).build());
  }

  private static Flow await(FlowEngine engine, Flow flow) throws Exception {
    return engine.awaitFlow(flow.id()).get(WAIT, TimeUnit.SECONDS);
  }

  @Test
  void abortFlow_interruptsTheRunningStep_andKeepsItsOutputs() throws Exception {
    BlockingStep gate = Steps.blocking();
    AtomicBoolean interrupted = new AtomicBoolean();
    Step writeThenBlock =
        context -> {
          context.writeOutput("text/plain", "early".getBytes(UTF_8));
          try {
            gate.run(context);
          } catch (InterruptedException e) {
            interrupted.set(true);
            throw e;
          }
        };
    Step neverReached = context -> context.writeOutput("text/plain", "late".getBytes(UTF_8));
    try (TestFlowEngine fake = engineWith(TestTemplates.of("t", writeThenBlock, neverReached))) {
      FlowEngine engine = fake.engine();
      Flow flow = run(engine, "t");
      gate.awaitEntered(Duration.ofSeconds(WAIT));
      assertThat(engine.getFlow(flow.id()).state()).isEqualTo(FlowState.RUNNING);

      Flow aborting = engine.abortFlow(flow.id());

      assertThat(aborting.state()).isIn(FlowState.ABORTING, FlowState.ABORTED);
      Flow aborted = await(engine, flow);
      assertThat(aborted.state()).isEqualTo(FlowState.ABORTED);
      assertThat(aborted.finishedAt()).isNotNull();
      assertThat(aborted.progress()).isLessThan(1.0);
      assertThat(interrupted).isTrue();
      assertThat(engine.listOutputs(flow.id()))
          .extracting(a -> engine.getOutput(flow.id(), a.id()).text())
          .containsExactly("early");
    }
  }

  @Test
  void abortFlow_whileStepIgnoresTheInterrupt_staysAbortingUntilTheStepReturns() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (TestFlowEngine fake =
        engineWith(TestTemplates.of("t", TestTemplates.stubborn(entered, release)))) {
      FlowEngine engine = fake.engine();
      Flow flow = run(engine, "t");
      assertThat(entered.await(WAIT, TimeUnit.SECONDS)).isTrue();
      assertThat(engine.abortFlow(flow.id()).state()).isEqualTo(FlowState.ABORTING);
      assertThat(engine.getFlow(flow.id()).state()).isEqualTo(FlowState.ABORTING);
      release.countDown();
      assertThat(await(engine, flow).state()).isEqualTo(FlowState.ABORTED);
    }
  }

  @Test
  void abortFlow_ofAQueuedFlow_neverRunsIt() throws Exception {
    BlockingStep gate = Steps.blocking();
    AtomicBoolean ran = new AtomicBoolean();
    try (TestFlowEngine fake =
        TestFlowEngine.builder()
            .mode(TestFlowEngine.Mode.VIRTUAL_THREADS)
            .template(TestTemplates.of("gate", gate))
            .template(TestTemplates.of("marker", context -> ran.set(true)))
            .customize(b -> b.maxRunningFlows(1))
            .build()) {
      FlowEngine engine = fake.engine();
      Flow blocker = run(engine, "gate");
      gate.awaitEntered(Duration.ofSeconds(WAIT));
      Flow queued = run(engine, "marker");
      assertThat(engine.getFlow(queued.id()).state()).isEqualTo(FlowState.STARTING);
      assertThat(engine.abortFlow(queued.id()).state()).isEqualTo(FlowState.ABORTED);
      gate.release();
      assertThat(await(engine, blocker).state()).isEqualTo(FlowState.COMPLETED);
      assertThat(ran).isFalse();
    }
  }

  @Test
  void queuedFlows_runFirstInFirstOut_withinTheBound() throws Exception {
    BlockingStep gate = Steps.blocking();
    List<String> order = Collections.synchronizedList(new ArrayList<>());
    Step record = context -> order.add(context.flow().additional());
    try (TestFlowEngine fake =
        TestFlowEngine.builder()
            .mode(TestFlowEngine.Mode.VIRTUAL_THREADS)
            .template(TestTemplates.of("gate", gate))
            .template(TestTemplates.of("rec", record))
            .customize(b -> b.maxRunningFlows(1))
            .build()) {
      FlowEngine engine = fake.engine();
      run(engine, "gate");
      gate.awaitEntered(Duration.ofSeconds(WAIT));
      List<Flow> queued = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        queued.add(
            engine.createFlow(
                NewFlow.builder("rec")
                    .additional(Integer.toString(i))
                    .input(NewAsset.text("x"))
                    .build()));
      }
      assertThat(engine.listFlows(FlowQuery.builder().states(FlowState.STARTING).build()).items())
          .hasSize(20);
      gate.release();
      for (Flow flow : queued) {
        assertThat(await(engine, flow).state()).isEqualTo(FlowState.COMPLETED);
      }
      assertThat(order).containsExactlyElementsOf(queued.stream().map(Flow::additional).toList());
    }
  }

  @Test
  void failingStep_failsTheFlowWithItsMessage_andKeepsPartialOutputs() throws Exception {
    try (TestFlowEngine fake =
        engineWith(TestTemplates.of("t", TestTemplates.writeThenFail("disk on fire")))) {
      FlowEngine engine = fake.engine();
      Flow failed = await(engine, run(engine, "t"));
      assertThat(failed.state()).isEqualTo(FlowState.FAILED);
      assertThat(failed.error()).isEqualTo("disk on fire");
      assertThat(failed.finishedAt()).isNotNull();
      assertThat(engine.listOutputs(failed.id())).hasSize(1);
      assertThat(engine.listInputs(failed.id()).getFirst().status()).isEqualTo(AssetStatus.ERROR);
    }
  }

  @Test
  void failure_stopsThePipeline_andAMessagelessExceptionIsNamed() throws Exception {
    AtomicBoolean second = new AtomicBoolean();
    Step npe =
        context -> {
          throw new NullPointerException();
        };
    try (TestFlowEngine fake =
        engineWith(TestTemplates.of("t", npe, context -> second.set(true)))) {
      Flow failed = await(fake.engine(), run(fake.engine(), "t"));
      assertThat(failed.error()).isEqualTo("java.lang.NullPointerException");
      assertThat(second).isFalse();
    }
  }

  @Test
  void timeout_failsARunningFlow_whenTheClockPassesIt() throws Exception {
    BlockingStep gate = Steps.blocking();
    try (TestFlowEngine fake = engineWith(TestTemplates.of("t", gate))) {
      FlowEngine engine = fake.engine();
      Flow flow =
          engine.createFlow(
              NewFlow.builder("t")
                  .input(NewAsset.text("x"))
                  .timeout(Duration.ofMinutes(5))
                  .build());
      gate.awaitEntered(Duration.ofSeconds(WAIT));
      fake.clock().advance(Duration.ofMinutes(4));
      assertThat(engine.getFlow(flow.id()).state()).isEqualTo(FlowState.RUNNING);
      fake.clock().advance(Duration.ofMinutes(1));
      Flow failed = await(engine, flow);
      assertThat(failed.state()).isEqualTo(FlowState.FAILED);
      assertThat(failed.error()).isEqualTo("timed out after PT5M");
      assertThat(fake.clock().pendingDeadlines()).isZero();
    }
  }

  @Test
  void templateTimeout_appliesWhenTheFlowSetsNone_andIsDisarmedOnCompletion() throws Exception {
    Template template =
        Template.builder("t")
            .inputTypes("text/plain")
            .step(Steps.succeed())
            .timeout(Duration.ofSeconds(30))
            .build();
    try (TestFlowEngine fake = engineWith(template)) {
      Flow done = await(fake.engine(), run(fake.engine(), "t"));
      assertThat(done.state()).isEqualTo(FlowState.COMPLETED);
      assertThat(fake.clock().pendingDeadlines()).isZero();
    }
  }

  @Test
  void progress_isMonotonic_belowOneWhileRunning_andOneWhenCompleted() throws Exception {
    List<Double> seen = new CopyOnWriteArrayList<>();
    BlockingStep gate = Steps.blocking();
    Template template =
        TestTemplates.of("t", Steps.progress(0.5, 0.2, 1.0), Steps.progress(0.5), gate);
    try (TestFlowEngine fake =
        TestFlowEngine.builder()
            .mode(TestFlowEngine.Mode.VIRTUAL_THREADS)
            .template(template)
            .customize(
                b ->
                    b.listener(
                        new FlowListener() {
                          @Override
                          public void onProgress(Flow flow) {
                            seen.add(flow.progress());
                          }
                        }))
            .build()) {
      FlowEngine engine = fake.engine();
      Flow flow = run(engine, "t");
      gate.awaitEntered(Duration.ofSeconds(WAIT));
      // three steps: step 1 at 0.5 -> 1/6, 0.2 ignored (lower), 1.0 -> 1/3 (its end adds nothing);
      // step 2 at 0.5 -> 1/2, its end -> 2/3
      assertThat(seen).containsExactly(0.5 / 3, 1.0 / 3, 1.5 / 3, 2.0 / 3);
      assertThat(engine.getFlow(flow.id()).progress()).isEqualTo(2.0 / 3);
      gate.release();
      assertThat(await(engine, flow).progress()).isEqualTo(1.0);
    }
  }

  @Test
  void progress_reportedAsOne_staysBelowOneUntilCompleted() throws Exception {
    BlockingStep gate = Steps.blocking();
    try (TestFlowEngine fake = engineWith(TestTemplates.of("t", Steps.progress(1.0), gate))) {
      FlowEngine engine = fake.engine();
      Flow flow = run(engine, "t");
      gate.awaitEntered(Duration.ofSeconds(WAIT));
      assertThat(engine.getFlow(flow.id()).progress()).isEqualTo(0.5);
      gate.release();
      await(engine, flow);
    }
    try (TestFlowEngine fake =
        engineWith(TestTemplates.of("t", Steps.progress(1.0), Steps.fail("x")))) {
      Flow failed = await(fake.engine(), run(fake.engine(), "t"));
      assertThat(failed.progress()).isEqualTo(0.5);
    }
  }

  @Test
  void listeners_seeEveryStateChangeInOrder_andAThrowingListenerIsContained() throws Exception {
    List<String> changes = new CopyOnWriteArrayList<>();
    CountDownLatch completedSeen = new CountDownLatch(1);
    FlowListener recorder =
        new FlowListener() {
          @Override
          public void onStateChange(Flow previous, Flow current) {
            changes.add(
                (previous == null ? "-" : previous.state().wireName())
                    + ">"
                    + current.state().wireName());
            if (current.state() == FlowState.COMPLETED) {
              completedSeen.countDown();
            }
          }
        };
    FlowListener broken =
        new FlowListener() {
          @Override
          public void onStateChange(Flow previous, Flow current) {
            throw new IllegalStateException("listener bug");
          }
        };
    try (TestFlowEngine fake = engineWith(TestTemplates.echo())) {
      FlowEngine engine = fake.engine();
      engine.addListener(broken);
      ListenerRegistration registration = engine.addListener(recorder);
      Flow flow = engine.createFlow(NewFlow.of("echo"));
      engine.addInput(flow.id(), NewAsset.text("x"));
      engine.startFlow(flow.id());
      // awaitFlow may see the stored state before the listener call on the flow's thread ran
      assertThat(completedSeen.await(WAIT, TimeUnit.SECONDS)).isTrue();
      assertThat(changes)
          .containsExactly(
              "->created", "created>starting", "starting>running", "running>completed");
      registration.close();
      registration.close();
      await(engine, run(engine, "echo"));
      assertThat(changes).hasSize(4);
    }
  }

  @Test
  void parallelFanOut_failureCancelsSiblings() throws Exception {
    CountDownLatch siblingsWaiting = new CountDownLatch(2);
    AtomicBoolean siblingInterrupted = new AtomicBoolean();
    Step fanOut =
        context ->
            context.inParallel(
                List.of(0, 1, 2),
                i -> {
                  if (i == 0) {
                    assertThat(siblingsWaiting.await(WAIT, TimeUnit.SECONDS)).isTrue();
                    throw new IllegalArgumentException("item 0 failed");
                  }
                  siblingsWaiting.countDown();
                  try {
                    new CountDownLatch(1).await();
                  } catch (InterruptedException e) {
                    siblingInterrupted.set(true);
                    throw e;
                  }
                  return i;
                });
    try (TestFlowEngine fake = engineWith(TestTemplates.of("t", fanOut))) {
      Flow failed = await(fake.engine(), run(fake.engine(), "t"));
      assertThat(failed.state()).isEqualTo(FlowState.FAILED);
      assertThat(failed.error()).isEqualTo("item 0 failed");
      assertThat(siblingInterrupted).isTrue();
    }
  }

  @Test
  void parallelFanOut_returnsResultsInItemOrder() throws Exception {
    List<Integer> results = new CopyOnWriteArrayList<>();
    Step fanOut = context -> results.addAll(context.inParallel(List.of(3, 1, 2), i -> i * 10));
    try (TestFlowEngine fake = engineWith(TestTemplates.of("t", fanOut))) {
      await(fake.engine(), run(fake.engine(), "t"));
      assertThat(results).containsExactly(30, 10, 20);
    }
  }

  @Test
  void stepsWriteOnlyDeclaredOutputTypes() throws Exception {
    Step wrong = context -> context.writeOutput("image/png", new byte[] {1});
    try (TestFlowEngine fake = engineWith(TestTemplates.of("t", wrong))) {
      Flow failed = await(fake.engine(), run(fake.engine(), "t"));
      assertThat(failed.error()).contains("does not produce image/png");
      assertThat(fake.engine().listOutputs(failed.id())).isEmpty();
    }
  }
}
