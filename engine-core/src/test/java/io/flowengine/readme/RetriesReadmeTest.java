package io.flowengine.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.CreateFlowResult;
import io.flowengine.Flow;
import io.flowengine.FlowEngine;
import io.flowengine.FlowHistory;
import io.flowengine.FlowState;
import io.flowengine.NewAsset;
import io.flowengine.NewFlow;
import io.flowengine.RetryPolicy;
import io.flowengine.Template;
import io.flowengine.testing.TestFlowEngine;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The README's block on retries, delayed starts, idempotency keys and history, run as written. */
class RetriesReadmeTest {
  private final AtomicInteger calls = new AtomicInteger();

  private void callFlakyService() {
    if (calls.incrementAndGet() == 1) {
      throw new UncheckedIOException(new java.io.IOException("connection reset"));
    }
  }

  @Test
  void readmeBlock() {
    try (TestFlowEngine fake = TestFlowEngine.builder().build()) {
      FlowEngine engine = fake.engine();
      Instant tomorrow = fake.clock().instant().plus(Duration.ofDays(1));
      // README:BEGIN
      Template upload =
          Template.builder("upload")
              .inputTypes("text/plain")
              .step(ctx -> callFlakyService())
              .retry(
                  RetryPolicy.builder()
                      .maxAttempts(5)
                      .exponentialBackoff(Duration.ofSeconds(1), Duration.ofMinutes(1))
                      .jitter(0.2)
                      .retryOn(UncheckedIOException.class)
                      .build())
              .build();
      engine.templates().register(upload);
      NewFlow request =
          NewFlow.builder("upload")
              .input(NewAsset.text("report"))
              .idempotencyKey("report-2026-05-01") // a repeat returns this flow
              .build();
      CreateFlowResult.Created created = engine.createFlowIdempotently(request);
      Flow flow = engine.getFlow(created.flow().id()); // attempt 1 failed: still RUNNING
      System.out.println(flow.attempt() + " at " + flow.nextAttemptAt() + ": " + flow.lastError());
      Flow nightly = engine.startFlow(engine.createFlow(NewFlow.of("upload")).id(), tomorrow);
      FlowHistory history = engine.history(flow.id()); // every state change, bounded
      // README:END
      assertThat(created.existing()).isFalse();
      assertThat(engine.createFlowIdempotently(request).existing()).isTrue();
      assertThat(flow.state()).isEqualTo(FlowState.RUNNING);
      assertThat(flow.attempt()).isEqualTo(2);
      assertThat(nightly.startAt()).isEqualTo(tomorrow);
      assertThat(history.transitions()).hasSize(3);
      fake.clock().advance(Duration.ofSeconds(1));
      assertThat(engine.getFlow(flow.id()).state()).isEqualTo(FlowState.COMPLETED);
    }
  }
}
