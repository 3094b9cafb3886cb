package io.flowengine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.Flow;
import io.flowengine.FlowEngine;
import io.flowengine.FlowState;
import io.flowengine.NewAsset;
import io.flowengine.NewFlow;
import io.flowengine.Template;
import io.flowengine.spi.FlowRecord;
import io.flowengine.spi.InMemoryCluster;
import io.flowengine.testing.ManualClock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Lease loss with real threads: the lost node's running step is interrupted, its writes refused.
 */
class ClusterLeaseLossTest {
  private static final Duration LEASE = Duration.ofSeconds(3);

  @Test
  void aNodeWhoseLeaseEnded_isInterrupted_andAnotherNodeRunsTheFlowAgain() throws Exception {
    ManualClock clock = new ManualClock();
    InMemoryCluster shared = new InMemoryCluster(clock);
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    AtomicInteger runs = new AtomicInteger();
    Template template =
        Template.builder("first-run-blocks")
            .inputTypes("text/plain")
            .step(
                ctx -> {
                  if (runs.incrementAndGet() == 1) {
                    entered.countDown();
                    try {
                      new CountDownLatch(1).await(); // until interrupted
                    } catch (InterruptedException e) {
                      interrupted.countDown();
                      throw e;
                    }
                  }
                })
            .build();
    try (FlowEngine a = node(shared, "a", clock, template)) {
      Flow flow = a.createFlow(NewFlow.builder(template.name()).input(NewAsset.text("x")).build());
      assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
      FlowRecord runningOnA = shared.node("probe", LEASE).flows().find(flow.id()).orElseThrow();
      assertThat(runningOnA.state()).isEqualTo(FlowState.RUNNING);

      try (FlowEngine b = node(shared, "b", clock, template)) {
        var done = a.awaitFlow(flow.id());
        clock.advance(LEASE.plusSeconds(1)); // no renewal on the way: both leases end

        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(done.get(10, TimeUnit.SECONDS).state()).isEqualTo(FlowState.COMPLETED);
        assertThat(runs).hasValue(2);
        assertThat(b.getFlow(flow.id()).state()).isEqualTo(FlowState.COMPLETED);
        // a's late write from the version it was running is refused
        FlowRecord late = runningOnA.transitioned(FlowState.COMPLETED, 1.0, null, null, null);
        assertThat(shared.node("probe", LEASE).flows().compareAndSet(runningOnA, late)).isFalse();
      }
    }
  }

  private static FlowEngine node(
      InMemoryCluster shared, String id, ManualClock clock, Template template) {
    return FlowEngine.builder()
        .storage(shared.node(id, LEASE))
        .clock(clock)
        .deadlineScheduler(clock)
        .template(template)
        .build();
  }
}
