package io.flowengine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.Flow;
import io.flowengine.FlowEngine;
import io.flowengine.FlowState;
import io.flowengine.NewAsset;
import io.flowengine.NewFlow;
import io.flowengine.Template;
import io.flowengine.spi.InMemoryCluster;
import io.flowengine.testing.ManualClock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A write the store committed but whose reply was lost (the connection broke after the commit, as
 * in a database restart): the node that made it must find out and carry on, since its lease is
 * alive and no other node takes its flows over.
 */
class ClusterLostReplyTest {
  private static final Duration LEASE = Duration.ofSeconds(30);
  private static final Duration RENEW_EVERY = LEASE.dividedBy(3);

  private final ManualClock clock = new ManualClock();
  private final InMemoryCluster shared = new InMemoryCluster(clock);
  private final AtomicInteger runs = new AtomicInteger();
  private final Template template =
      Template.builder("counted")
          .inputTypes("text/plain")
          .step(ctx -> runs.incrementAndGet())
          .build();

  @Test
  void aClaimStoredWhoseReplyWasLost_isRunByItsOwner_afterTwoRenewals() throws Exception {
    LostReplyStorage storage = new LostReplyStorage(shared.node("a", LEASE));
    storage.loseClaimReply.set(true);
    try (FlowEngine a = node(storage)) {
      Flow flow = a.createFlow(NewFlow.builder("counted").input(NewAsset.text("x")).build());
      assertThat(storage.replyLost.await(10, TimeUnit.SECONDS)).isTrue();
      CompletableFuture<Flow> done = a.awaitFlow(flow.id());
      assertThat(shared.owner(flow.id())).contains("a");
      assertThat(a.getFlow(flow.id()).state()).isEqualTo(FlowState.STARTING);

      for (int renewal = 1; renewal <= 3 && !done.isDone(); renewal++) {
        clock.advance(RENEW_EVERY);
        assertThat(storage.renewals.tryAcquire(10, TimeUnit.SECONDS)).as("renewal").isTrue();
      }

      assertThat(done.get(10, TimeUnit.SECONDS).state()).isEqualTo(FlowState.COMPLETED);
      assertThat(runs).hasValue(1);
    }
  }

  @Test
  void anOutcomeStoredWhoseReplyWasLost_completesTheWaiters() throws Exception {
    LostReplyStorage storage = new LostReplyStorage(shared.node("a", LEASE));
    storage.loseTerminalReply.set(true);
    try (FlowEngine a = node(storage)) {
      Flow flow = a.createFlow(NewFlow.builder("counted").input(NewAsset.text("x")).build());

      Flow done = a.awaitFlow(flow.id()).get(10, TimeUnit.SECONDS);

      assertThat(storage.replyLost.getCount()).isZero();
      assertThat(done.state()).isEqualTo(FlowState.COMPLETED);
      assertThat(runs).hasValue(1);
    }
  }

  private FlowEngine node(LostReplyStorage storage) {
    return FlowEngine.builder()
        .storage(storage)
        .clock(clock)
        .deadlineScheduler(clock)
        .template(template)
        .build();
  }
}
