package io.flowengine;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.spi.EngineStorage;
import io.flowengine.testing.BlockingStep;
import io.flowengine.testing.ManualClock;
import io.flowengine.testing.Steps;
import io.flowengine.testing.TestFlowEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** Retries with backoff, driven by the test kit's manual clock: flows run on the test's thread. */
class RetriesTest {
  private static final Duration BACKOFF = Duration.ofSeconds(10);

  /** A step that fails its first {@code failures} runs with "boom N", then writes "done". */
  private static Step failingFirst(int failures, AtomicInteger runs) {
    return context -> {
      int run = runs.incrementAndGet();
      context.writeOutput("text/plain", ("run " + run).getBytes(UTF_8));
      if (run <= failures) {
        throw new IllegalStateException("boom " + run);
      }
    };
  }

  private static Template retried(Step step, RetryPolicy policy) {
    return Template.builder("t")
        .inputTypes("text/plain")
        .outputTypes("text/plain")
        .step(step)
        .retry(policy)
        .build();
  }

  private static RetryPolicy fixed(int attempts) {
    return RetryPolicy.builder().maxAttempts(attempts).fixedBackoff(BACKOFF).build();
  }

  private static Flow create(FlowEngine engine) {
    return engine.createFlow(NewFlow.builder("t").input(NewAsset.text("in")).build());
  }

  @Test
  void failedAttempt_staysRunning_untilTheBackoffPasses_thenTheNextAttemptRuns() {
    AtomicInteger runs = new AtomicInteger();
    try (TestFlowEngine fake =
        TestFlowEngine.builder().template(retried(failingFirst(2, runs), fixed(3))).build()) {
      FlowEngine engine = fake.engine();
      Instant start = fake.clock().instant();
      Flow flow = create(engine);

      Flow waiting = engine.getFlow(flow.id());
      assertThat(waiting.state()).isEqualTo(FlowState.RUNNING);
      assertThat(waiting.attempt()).isEqualTo(2);
      assertThat(waiting.lastError()).isEqualTo("boom 1");
      assertThat(waiting.error()).isNull();
      assertThat(waiting.nextAttemptAt()).isEqualTo(start.plus(BACKOFF));

      fake.clock().advance(BACKOFF.minusSeconds(1));
      assertThat(runs).hasValue(1);
      fake.clock().advance(Duration.ofSeconds(1));
      assertThat(runs).hasValue(2);
      assertThat(engine.getFlow(flow.id()).attempt()).isEqualTo(3);
      assertThat(engine.getFlow(flow.id()).lastError()).isEqualTo("boom 2");

      fake.clock().advance(BACKOFF);
      Flow done = engine.getFlow(flow.id());
      assertThat(done.state()).isEqualTo(FlowState.COMPLETED);
      assertThat(done.attempt()).isEqualTo(3);
      assertThat(done.lastError()).isEqualTo("boom 2");
      assertThat(done.nextAttemptAt()).isNull();
      // The failed attempts' outputs were deleted before the next one ran.
      List<Asset> outputs = engine.listOutputs(flow.id());
      assertThat(outputs).hasSize(1);
      assertThat(engine.getOutput(flow.id(), outputs.getFirst().id()).text()).isEqualTo("run 3");
    }
  }

  @Test
  void lastAttempt_failsTheFlow_withItsError() {
    AtomicInteger runs = new AtomicInteger();
    try (TestFlowEngine fake =
        TestFlowEngine.builder().template(retried(failingFirst(9, runs), fixed(2))).build()) {
      Flow flow = create(fake.engine());
      fake.clock().advance(BACKOFF);
      Flow failed = fake.engine().getFlow(flow.id());
      assertThat(failed.state()).isEqualTo(FlowState.FAILED);
      assertThat(failed.error()).isEqualTo("boom 2");
      assertThat(failed.lastError()).isEqualTo("boom 2");
      assertThat(failed.attempt()).isEqualTo(2);
      fake.clock().advance(BACKOFF.multipliedBy(5));
      assertThat(runs).hasValue(2);
    }
  }

  @Test
  void exponentialBackoff_isWhatTheScheduleSays() {
    AtomicInteger runs = new AtomicInteger();
    RetryPolicy policy =
        RetryPolicy.builder()
            .maxAttempts(5)
            .exponentialBackoff(Duration.ofSeconds(1), Duration.ofSeconds(3))
            .build();
    try (TestFlowEngine fake =
        TestFlowEngine.builder().template(retried(failingFirst(9, runs), policy)).build()) {
      FlowEngine engine = fake.engine();
      Flow flow = create(engine);
      List<Duration> delays = new CopyOnWriteArrayList<>();
      for (int i = 0; i < 3; i++) {
        Flow waiting = engine.getFlow(flow.id());
        Duration delay = Duration.between(fake.clock().instant(), waiting.nextAttemptAt());
        delays.add(delay);
        fake.clock().advance(delay);
      }
      assertThat(delays)
          .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3));
      assertThat(runs).hasValue(4);
    }
  }

  @Test
  void failureTheTypesDoNotName_failsAtOnce() {
    RetryPolicy policy =
        RetryPolicy.builder().maxAttempts(5).retryOn(IllegalArgumentException.class).build();
    try (TestFlowEngine fake =
        TestFlowEngine.builder()
            .template(retried(failingFirst(9, new AtomicInteger()), policy))
            .build()) {
      Flow failed = fake.engine().getFlow(create(fake.engine()).id());
      assertThat(failed.state()).isEqualTo(FlowState.FAILED);
      assertThat(failed.attempt()).isEqualTo(1);
      assertThat(failed.error()).isEqualTo("boom 1");
    }
  }

  @Test
  void stepPolicy_winsForItsStep_andOtherStepsUseTheTemplates() {
    AtomicInteger first = new AtomicInteger();
    AtomicInteger second = new AtomicInteger();
    Template template =
        Template.builder("t")
            .inputTypes("text/plain")
            .outputTypes("text/plain")
            .step(
                context -> {
                  if (first.incrementAndGet() == 3) { // the third run of step 1 fails
                    throw new IllegalStateException("step 1 broke");
                  }
                })
            .step(failingFirst(1, second), fixed(2))
            .build();
    try (TestFlowEngine fake = TestFlowEngine.builder().template(template).build()) {
      Flow flow = create(fake.engine());
      assertThat(fake.engine().getFlow(flow.id()).attempt()).isEqualTo(2);
      fake.clock().advance(BACKOFF);
      assertThat(fake.engine().getFlow(flow.id()).state()).isEqualTo(FlowState.COMPLETED);

      Flow other = create(fake.engine()); // step 1 fails: the template has no policy
      assertThat(fake.engine().getFlow(other.id()).state()).isEqualTo(FlowState.FAILED);
      assertThat(fake.engine().getFlow(other.id()).error()).isEqualTo("step 1 broke");
    }
  }

  @Test
  void abortDuringBackoff_endsAbortedAtOnce_andNoAttemptRunsLater() {
    AtomicInteger runs = new AtomicInteger();
    try (TestFlowEngine fake =
        TestFlowEngine.builder().template(retried(failingFirst(9, runs), fixed(3))).build()) {
      Flow flow = create(fake.engine());
      Flow aborted = fake.engine().abortFlow(flow.id());
      assertThat(aborted.state()).isEqualTo(FlowState.ABORTED);
      fake.clock().advance(BACKOFF.multipliedBy(3));
      assertThat(runs).hasValue(1);
      assertThat(fake.engine().getFlow(flow.id()).state()).isEqualTo(FlowState.ABORTED);
    }
  }

  @Test
  void mdc_carriesTheAttempt_whileAStepRuns() {
    List<String> seen = new CopyOnWriteArrayList<>();
    AtomicInteger runs = new AtomicInteger();
    Step step =
        context -> {
          seen.add(MDC.get("flowengine.attempt"));
          if (runs.incrementAndGet() == 1) {
            throw new IllegalStateException("once");
          }
        };
    try (TestFlowEngine fake = TestFlowEngine.builder().template(retried(step, fixed(2))).build()) {
      create(fake.engine());
      fake.clock().advance(BACKOFF);
      assertThat(seen).containsExactly("1", "2");
      assertThat(MDC.get("flowengine.attempt")).isNull();
    }
  }

  @Test
  void timeout_isNotRetried() throws Exception {
    BlockingStep gate = Steps.blocking();
    try (TestFlowEngine fake =
        TestFlowEngine.builder()
            .mode(TestFlowEngine.Mode.VIRTUAL_THREADS)
            .template(retried(gate, fixed(3)))
            .build()) {
      Flow flow =
          fake.engine()
              .createFlow(
                  NewFlow.builder("t")
                      .input(NewAsset.text("in"))
                      .timeout(Duration.ofMinutes(1))
                      .build());
      gate.awaitEntered(Duration.ofSeconds(10));
      fake.clock().advance(Duration.ofMinutes(1));
      Flow failed = fake.engine().awaitFlow(flow.id()).get(10, TimeUnit.SECONDS);
      assertThat(failed.state()).isEqualTo(FlowState.FAILED);
      assertThat(failed.attempt()).isEqualTo(1);
      assertThat(failed.error()).startsWith("timed out");
    }
  }

  @Test
  void restart_resumesTheRetrySchedule_fromTheStoredRecord() {
    EngineStorage storage = EngineStorage.inMemory();
    ManualClock clock = new ManualClock();
    AtomicInteger runs = new AtomicInteger();
    Template template = retried(failingFirst(1, runs), fixed(2));
    String id;
    try (TestFlowEngine first =
        TestFlowEngine.builder()
            .clock(clock)
            .template(template)
            .customize(b -> b.storage(storage))
            .build()) {
      id = create(first.engine()).id();
      assertThat(first.engine().getFlow(id).attempt()).isEqualTo(2);
    }
    try (TestFlowEngine second =
        TestFlowEngine.builder()
            .clock(clock)
            .template(template)
            .customize(b -> b.storage(storage))
            .build()) {
      assertThat(second.engine().getFlow(id).state()).isEqualTo(FlowState.RUNNING);
      assertThat(runs).hasValue(1);
      clock.advance(BACKOFF);
      Flow done = second.engine().getFlow(id);
      assertThat(done.state()).isEqualTo(FlowState.COMPLETED);
      assertThat(done.attempt()).isEqualTo(2);
      assertThat(runs).hasValue(2);
    }
  }
}
