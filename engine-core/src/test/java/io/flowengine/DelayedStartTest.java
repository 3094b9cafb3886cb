package io.flowengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowengine.spi.EngineStorage;
import io.flowengine.testing.ManualClock;
import io.flowengine.testing.Steps;
import io.flowengine.testing.TestFlowEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Flows that start at a given time, driven by the test kit's manual clock. */
class DelayedStartTest {
  private static final Duration DELAY = Duration.ofHours(1);

  private final AtomicInteger runs = new AtomicInteger();
  private final Template counted =
      TestTemplates.of(
          "t",
          context -> {
            runs.incrementAndGet();
          });

  private TestFlowEngine fake() {
    return TestFlowEngine.builder().template(counted).build();
  }

  @Test
  void createWithStartAt_waitsInStarting_untilTheClockReachesIt() {
    try (TestFlowEngine fake = fake()) {
      Instant at = fake.clock().instant().plus(DELAY);
      Flow flow =
          fake.engine()
              .createFlow(NewFlow.builder("t").input(NewAsset.text("x")).startAt(at).build());
      assertThat(flow.state()).isEqualTo(FlowState.STARTING);
      assertThat(flow.startAt()).isEqualTo(at);
      Flow listed = fake.engine().listFlows(FlowQuery.all()).items().getFirst();
      assertThat(listed.startAt()).isEqualTo(at);

      fake.clock().advance(DELAY.minusSeconds(1));
      assertThat(runs).hasValue(0);
      assertThat(fake.engine().getFlow(flow.id()).state()).isEqualTo(FlowState.STARTING);
      fake.clock().advance(Duration.ofSeconds(1));
      Flow done = fake.engine().getFlow(flow.id());
      assertThat(done.state()).isEqualTo(FlowState.COMPLETED);
      assertThat(done.startAt()).isNull();
      assertThat(runs).hasValue(1);
    }
  }

  @Test
  void createWithStartAt_andNoInputs_startsAtThatTimeToo() {
    try (TestFlowEngine fake = fake()) {
      Instant at = fake.clock().instant().plus(DELAY);
      Flow flow = fake.engine().createFlow(NewFlow.builder("t").startAt(at).build());
      assertThat(flow.state()).isEqualTo(FlowState.STARTING);
      fake.clock().advance(DELAY);
      assertThat(fake.engine().getFlow(flow.id()).state()).isEqualTo(FlowState.COMPLETED);
    }
  }

  @Test
  void startFlowAt_startsACreatedFlowLater() {
    try (TestFlowEngine fake = fake()) {
      Flow flow = fake.engine().createFlow(NewFlow.of("t"));
      Instant at = fake.clock().instant().plus(DELAY);
      Flow started = fake.engine().startFlow(flow.id(), at);
      assertThat(started.state()).isEqualTo(FlowState.STARTING);
      assertThat(started.startAt()).isEqualTo(at);
      assertThat(runs).hasValue(0);
      fake.clock().advance(DELAY);
      assertThat(fake.engine().getFlow(flow.id()).state()).isEqualTo(FlowState.COMPLETED);
      assertThatThrownBy(() -> fake.engine().startFlow(flow.id(), at))
          .isInstanceOf(FlowStateException.class);
    }
  }

  @Test
  void startAtInThePast_startsAtOnce() {
    try (TestFlowEngine fake = fake()) {
      Flow flow = fake.engine().createFlow(NewFlow.of("t"));
      fake.engine().startFlow(flow.id(), fake.clock().instant().minus(DELAY));
      assertThat(fake.engine().getFlow(flow.id()).state()).isEqualTo(FlowState.COMPLETED);
    }
  }

  @Test
  void abortWhileWaiting_endsAbortedAtOnce_andItNeverRuns() {
    try (TestFlowEngine fake = fake()) {
      Instant at = fake.clock().instant().plus(DELAY);
      Flow flow = fake.engine().createFlow(NewFlow.builder("t").startAt(at).build());
      assertThat(fake.engine().abortFlow(flow.id()).state()).isEqualTo(FlowState.ABORTED);
      fake.clock().advance(DELAY.multipliedBy(2));
      assertThat(runs).hasValue(0);
      assertThat(fake.clock().pendingDeadlines()).isZero();
    }
  }

  @Test
  void restart_keepsTheStartTime() {
    EngineStorage storage = EngineStorage.inMemory();
    ManualClock clock = new ManualClock();
    Instant at = clock.instant().plus(DELAY);
    String id;
    try (TestFlowEngine first =
        TestFlowEngine.builder()
            .clock(clock)
            .template(counted)
            .customize(b -> b.storage(storage))
            .build()) {
      id = first.engine().createFlow(NewFlow.builder("t").startAt(at).build()).id();
    }
    try (TestFlowEngine second =
        TestFlowEngine.builder()
            .clock(clock)
            .template(counted)
            .customize(b -> b.storage(storage))
            .build()) {
      assertThat(second.engine().getFlow(id).startAt()).isEqualTo(at);
      clock.advance(DELAY.minusSeconds(1));
      assertThat(runs).hasValue(0);
      clock.advance(Duration.ofSeconds(1));
      assertThat(second.engine().getFlow(id).state()).isEqualTo(FlowState.COMPLETED);
    }
  }

  @Test
  void authenticatedView_startsItsOwnFlowsLater() {
    try (TestFlowEngine fake =
        TestFlowEngine.builder().template(TestTemplates.of("t", Steps.succeed())).build()) {
      String key =
          fake.engine()
              .apiKeys()
              .create("acct", "k", fake.clock().instant().plus(DELAY.multipliedBy(9)))
              .secret();
      FlowOperations account = fake.engine().authenticate(key);
      Flow flow = account.createFlow(NewFlow.of("t"));
      Flow started = account.startFlow(flow.id(), fake.clock().instant().plus(DELAY));
      assertThat(started.startAt()).isNotNull();
      fake.clock().advance(DELAY);
      assertThat(account.getFlow(flow.id()).state()).isEqualTo(FlowState.COMPLETED);
    }
  }
}
