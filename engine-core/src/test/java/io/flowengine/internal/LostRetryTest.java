package io.flowengine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.Flow;
import io.flowengine.FlowState;
import io.flowengine.NewAsset;
import io.flowengine.NewFlow;
import io.flowengine.RetryPolicy;
import io.flowengine.Step;
import io.flowengine.StorageException;
import io.flowengine.Template;
import io.flowengine.spi.FlowRecord;
import io.flowengine.testing.TestFlowEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A failed attempt of a flow with a retry policy waits for its next attempt whichever of its run's
 * writes the store lost: the dispatch before it, or the retry itself (failed unstored, or stored
 * with its reply lost). The outcome used to be settled as a failure then, so the flow ended FAILED
 * after its first attempt and its remaining attempts were lost. Flows run on the test's thread and
 * wait on the test kit's manual clock.
 */
class LostRetryTest {
  private static final Duration BACKOFF = Duration.ofSeconds(10);
  private static final int ATTEMPTS = 3;

  /** Which write the store loses, once. */
  private enum Loss {
    DISPATCH,
    RETRY_UNSTORED,
    RETRY_REPLY
  }

  /** A memory flow store that loses the first write of one kind, by throwing. */
  private static final class LosesOneWrite extends ForwardingFlowStore {
    final Loss loss;
    final AtomicInteger lost = new AtomicInteger();

    LosesOneWrite(Loss loss) {
      this.loss = loss;
    }

    @Override
    public boolean compareAndSet(FlowRecord expected, FlowRecord next) {
      boolean dispatch =
          expected.state() == FlowState.STARTING && next.state() == FlowState.RUNNING;
      boolean retry =
          expected.state() == FlowState.RUNNING
              && next.state() == FlowState.RUNNING
              && next.attempt() == expected.attempt() + 1;
      boolean chosen = loss == Loss.DISPATCH ? dispatch : retry;
      if (!chosen || lost.getAndIncrement() > 0) {
        return super.compareAndSet(expected, next);
      }
      if (loss == Loss.RETRY_REPLY) {
        boolean stored = super.compareAndSet(expected, next);
        assertThat(stored).as("the retry itself is stored").isTrue();
        throw new StorageException("the connection broke before the commit's reply");
      }
      throw new StorageException(
          "could not update flow " + next.id() + ": the connection broke; nothing was stored");
    }
  }

  @Test
  void lostDispatch_failedFirstAttempt_waitsForTheSecond_whichCompletes() {
    assertFirstFailureRetried_thenCompletes(Loss.DISPATCH);
  }

  @Test
  void unstoredRetry_failedFirstAttempt_waitsForTheSecond_whichCompletes() {
    assertFirstFailureRetried_thenCompletes(Loss.RETRY_UNSTORED);
  }

  @Test
  void retryWhoseReplyWasLost_failedFirstAttempt_waitsForTheSecond_whichCompletes() {
    assertFirstFailureRetried_thenCompletes(Loss.RETRY_REPLY);
  }

  @Test
  void lostDispatch_everyAttemptFailing_failsOnlyAfterTheLast() {
    assertFailsOnlyAfterTheLastAttempt(Loss.DISPATCH);
  }

  @Test
  void unstoredRetry_everyAttemptFailing_failsOnlyAfterTheLast() {
    assertFailsOnlyAfterTheLastAttempt(Loss.RETRY_UNSTORED);
  }

  @Test
  void retryWhoseReplyWasLost_everyAttemptFailing_failsOnlyAfterTheLast() {
    assertFailsOnlyAfterTheLastAttempt(Loss.RETRY_REPLY);
  }

  private static void assertFirstFailureRetried_thenCompletes(Loss loss) {
    LosesOneWrite flows = new LosesOneWrite(loss);
    AtomicInteger runs = new AtomicInteger();
    try (TestFlowEngine fake = engine(flows, failingFirst(1, runs))) {
      Instant start = fake.clock().instant();
      Flow flow = create(fake);

      assertThat(flows.lost).as("the write was really lost").hasValueGreaterThan(0);
      Flow waiting = fake.engine().getFlow(flow.id());
      assertThat(waiting.state()).isEqualTo(FlowState.RUNNING);
      assertThat(waiting.attempt()).isEqualTo(2);
      assertThat(waiting.lastError()).isEqualTo("boom 1");
      assertThat(waiting.nextAttemptAt()).isEqualTo(start.plus(BACKOFF));

      fake.clock().advance(BACKOFF);
      Flow done = fake.engine().getFlow(flow.id());
      assertThat(done.state()).isEqualTo(FlowState.COMPLETED);
      assertThat(done.attempt()).isEqualTo(2);
      assertThat(runs).hasValue(2);
    }
  }

  private static void assertFailsOnlyAfterTheLastAttempt(Loss loss) {
    LosesOneWrite flows = new LosesOneWrite(loss);
    AtomicInteger runs = new AtomicInteger();
    try (TestFlowEngine fake = engine(flows, failingFirst(Integer.MAX_VALUE, runs))) {
      Flow flow = create(fake);
      assertThat(flows.lost).as("the write was really lost").hasValueGreaterThan(0);
      for (int attempt = 2; attempt <= ATTEMPTS; attempt++) {
        Flow waiting = fake.engine().getFlow(flow.id());
        assertThat(waiting.state()).as("before attempt %s", attempt).isEqualTo(FlowState.RUNNING);
        assertThat(waiting.attempt()).isEqualTo(attempt);
        fake.clock().advance(BACKOFF);
      }
      Flow failed = fake.engine().getFlow(flow.id());
      assertThat(failed.state()).isEqualTo(FlowState.FAILED);
      assertThat(failed.attempt()).isEqualTo(ATTEMPTS);
      assertThat(failed.error()).isEqualTo("boom " + ATTEMPTS);
      fake.clock().advance(BACKOFF.multipliedBy(5));
      assertThat(runs).hasValue(ATTEMPTS);
    }
  }

  /** A step that fails its first {@code failures} runs with "boom N". */
  private static Step failingFirst(int failures, AtomicInteger runs) {
    return context -> {
      int run = runs.incrementAndGet();
      if (run <= failures) {
        throw new IllegalStateException("boom " + run);
      }
    };
  }

  private static TestFlowEngine engine(LosesOneWrite flows, Step step) {
    Template template =
        Template.builder("t")
            .inputTypes("text/plain")
            .step(step)
            .retry(RetryPolicy.builder().maxAttempts(ATTEMPTS).fixedBackoff(BACKOFF).build())
            .build();
    return TestFlowEngine.builder()
        .template(template)
        .customize(builder -> builder.storage(flows.storage()))
        .build();
  }

  private static Flow create(TestFlowEngine fake) {
    return fake.engine().createFlow(NewFlow.builder("t").input(NewAsset.text("x")).build());
  }
}
