package io.flowengine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.Flow;
import io.flowengine.FlowState;
import io.flowengine.NewAsset;
import io.flowengine.NewFlow;
import io.flowengine.Template;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class TestClusterTest {
  private final Map<String, List<Integer>> ranOn = new ConcurrentHashMap<>();
  private TestCluster cluster;

  private TestCluster cluster(int nodes, int slots) {
    Template recording =
        Template.builder("recording")
            .inputTypes("text/plain")
            .step(
                ctx -> {
                  String id = ctx.flow().id();
                  ranOn
                      .computeIfAbsent(id, k -> new CopyOnWriteArrayList<>())
                      .add(cluster.ownerOf(id).orElse(-1));
                })
            .build();
    cluster =
        TestCluster.builder()
            .nodes(nodes)
            .maxRunningFlows(slots)
            .lease(Duration.ofSeconds(4))
            .template(recording)
            .build();
    return cluster;
  }

  private static NewFlow started() {
    return NewFlow.builder("recording").input(NewAsset.text("x")).build();
  }

  @Test
  void startedFlowsRunOnWhicheverNodeHasAFreeSlot() {
    try (TestCluster nodes = cluster(2, 1)) {
      Flow first = nodes.node(0).createFlow(started());
      Flow second = nodes.node(0).createFlow(started());
      nodes.runUntilIdle();

      assertThat(nodes.node(1).getFlow(first.id()).state()).isEqualTo(FlowState.COMPLETED);
      assertThat(nodes.node(1).getFlow(second.id()).state()).isEqualTo(FlowState.COMPLETED);
      assertThat(ranOn.get(first.id())).hasSize(1);
      assertThat(ranOn.get(second.id())).hasSize(1);
      assertThat(List.of(ranOn.get(first.id()).getFirst(), ranOn.get(second.id()).getFirst()))
          .containsExactlyInAnyOrder(0, 1); // one slot each: one flow each
    }
  }

  @Test
  void aKilledNodesFlows_areTakenOverOnceItsLeaseEnds() {
    try (TestCluster nodes = cluster(2, 4)) {
      nodes.pause(1);
      Flow flow = nodes.node(0).createFlow(started());
      assertThat(nodes.runNext(0)).isTrue(); // node 0's round claims it; its run stays queued
      assertThat(nodes.ownerOf(flow.id())).contains(0);
      nodes.kill(0);
      nodes.resume(1);

      nodes.advance(nodes.lease().minusMillis(1));
      assertThat(nodes.node(1).getFlow(flow.id()).state()).isEqualTo(FlowState.STARTING);

      nodes.advance(nodes.lease()); // past the end of node 0's lease, plus a sweep
      assertThat(nodes.node(1).getFlow(flow.id()).state()).isEqualTo(FlowState.COMPLETED);
      assertThat(ranOn.get(flow.id())).containsExactly(1);
    }
  }

  @Test
  void aPausedNodeThatComesBackAfterItsLease_runsNothingItHadClaimed() {
    try (TestCluster nodes = cluster(2, 4)) {
      nodes.pause(1);
      Flow flow = nodes.node(0).createFlow(started());
      assertThat(nodes.runNext(0)).isTrue(); // claimed by node 0, its run queued
      nodes.pause(0);
      nodes.resume(1);
      nodes.advance(nodes.lease().multipliedBy(2));
      assertThat(nodes.node(1).getFlow(flow.id()).state()).isEqualTo(FlowState.COMPLETED);

      nodes.resume(0); // its queued run goes first, then its round finds the lease gone
      nodes.advance(nodes.lease());

      assertThat(ranOn.get(flow.id())).containsExactly(1);
      Flow again = nodes.node(0).createFlow(started()); // node 0 joined again and works
      nodes.runUntilIdle();
      assertThat(nodes.node(0).getFlow(again.id()).state()).isEqualTo(FlowState.COMPLETED);
    }
  }

  @Test
  void anAbortOnOneNode_endsAFlowClaimedByAnother() {
    try (TestCluster nodes = cluster(2, 4)) {
      nodes.pause(1);
      Flow flow = nodes.node(0).createFlow(started());
      assertThat(nodes.runNext(0)).isTrue(); // claimed by node 0, not yet run
      nodes.pause(0);
      nodes.resume(1);

      assertThat(nodes.node(1).abortFlow(flow.id()).state()).isEqualTo(FlowState.ABORTING);
      nodes.resume(0);

      assertThat(nodes.node(1).getFlow(flow.id()).state()).isEqualTo(FlowState.ABORTED);
      assertThat(ranOn).doesNotContainKey(flow.id());
    }
  }

  @Test
  void anAbortOfAFlowNoNodeClaimedYet_endsItAtOnce() {
    try (TestCluster nodes = cluster(2, 4)) {
      nodes.pause(0);
      nodes.pause(1);
      Flow flow = nodes.node(0).createFlow(started());

      assertThat(nodes.node(1).abortFlow(flow.id()).state()).isEqualTo(FlowState.ABORTED);
    }
  }

  @Test
  void awaitFlowOnOneNode_completesWhenAnotherNodeFinishesTheFlow() {
    try (TestCluster nodes = cluster(2, 4)) {
      nodes.pause(0);
      Flow flow = nodes.node(0).createFlow(started());
      var done = nodes.node(0).awaitFlow(flow.id());
      nodes.runUntilIdle(); // node 1 claims and runs it; node 0 is paused
      assertThat(done).isNotDone();
      assertThat(ranOn.get(flow.id())).containsExactly(1);

      nodes.resume(0); // node 0's round hears node 1's change
      assertThat(done).isCompletedWithValueMatching(f -> f.state() == FlowState.COMPLETED);
    }
  }

  @Test
  void delayedStart_isClaimedByNoNodeBeforeItsTime_andAbortWhileWaitingEndsIt() {
    try (TestCluster nodes = cluster(2, 2)) {
      java.time.Instant at = nodes.clock().instant().plus(Duration.ofMinutes(10));
      Flow later = nodes.node(0).createFlow(NewFlow.builder("recording").startAt(at).build());
      Flow aborted = nodes.node(0).createFlow(NewFlow.builder("recording").startAt(at).build());
      nodes.runUntilIdle();
      assertThat(nodes.node(1).getFlow(later.id()).state()).isEqualTo(FlowState.STARTING);
      assertThat(nodes.node(1).abortFlow(aborted.id()).state()).isEqualTo(FlowState.ABORTED);

      nodes.advance(Duration.ofMinutes(10).minusSeconds(1));
      assertThat(ranOn).doesNotContainKey(later.id());
      nodes.advance(Duration.ofMinutes(1));
      assertThat(nodes.node(1).getFlow(later.id()).state()).isEqualTo(FlowState.COMPLETED);
      assertThat(ranOn.get(later.id())).hasSize(1);
      assertThat(ranOn).doesNotContainKey(aborted.id());
    }
  }

  @Test
  void retryAbortedFromAnotherNode_duringItsBackoff_endsAborted() {
    java.util.concurrent.atomic.AtomicInteger runs =
        new java.util.concurrent.atomic.AtomicInteger();
    Template failing =
        Template.builder("failing")
            .inputTypes("text/plain")
            .step(
                ctx -> {
                  runs.incrementAndGet();
                  throw new IllegalStateException("down");
                })
            .retry(
                io.flowengine.RetryPolicy.builder()
                    .maxAttempts(3)
                    .fixedBackoff(Duration.ofMinutes(1))
                    .build())
            .build();
    try (TestCluster nodes =
        TestCluster.builder().nodes(2).lease(Duration.ofSeconds(4)).template(failing).build()) {
      Flow flow =
          nodes.node(0).createFlow(NewFlow.builder("failing").input(NewAsset.text("x")).build());
      nodes.runUntilIdle();
      Flow waiting = nodes.node(1).getFlow(flow.id());
      assertThat(waiting.state()).isEqualTo(FlowState.RUNNING);
      assertThat(waiting.attempt()).isEqualTo(2);
      int owner = nodes.ownerOf(flow.id()).orElseThrow();
      nodes.node(1 - owner).abortFlow(flow.id());
      nodes.runUntilIdle();
      assertThat(nodes.node(1 - owner).getFlow(flow.id()).state()).isEqualTo(FlowState.ABORTED);
      nodes.advance(Duration.ofMinutes(5));
      assertThat(runs).hasValue(1);
    }
  }

  @Test
  void aListenerOnOneNode_hearsTheProgressReportedOnAnother() {
    java.util.concurrent.atomic.AtomicReference<TestCluster> running =
        new java.util.concurrent.atomic.AtomicReference<>();
    Template reporting =
        Template.builder("reporting")
            .inputTypes("text/plain")
            .step(
                ctx -> {
                  for (double progress : new double[] {0.25, 0.5}) {
                    ctx.progress(progress);
                    while (running.get().runNext(0)) { // node 0 hears it while the step runs
                      continue;
                    }
                  }
                })
            .build();
    try (TestCluster nodes =
        TestCluster.builder().nodes(2).lease(Duration.ofSeconds(4)).template(reporting).build()) {
      running.set(nodes);
      List<Double> heardOnZero = new CopyOnWriteArrayList<>();
      nodes
          .node(0)
          .addListener(
              new io.flowengine.FlowListener() {
                @Override
                public void onProgress(Flow flow) {
                  heardOnZero.add(flow.progress());
                }
              });
      nodes.pause(0); // so that node 1 claims the flow; its step lets node 0 run
      Flow flow =
          nodes.node(0).createFlow(NewFlow.builder("reporting").input(NewAsset.text("x")).build());
      nodes.runUntilIdle();
      nodes.resume(0);

      assertThat(nodes.node(0).getFlow(flow.id()).state()).isEqualTo(FlowState.COMPLETED);
      assertThat(heardOnZero).containsExactly(0.25, 0.5); // the first with RUNNING, read after it
    }
  }
}
