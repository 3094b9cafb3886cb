package io.flowengine.h2;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.Flow;
import io.flowengine.FlowEngine;
import io.flowengine.FlowListener;
import io.flowengine.FlowState;
import io.flowengine.FlowStateException;
import io.flowengine.NewAsset;
import io.flowengine.NewFlow;
import io.flowengine.Template;
import io.flowengine.testing.Steps;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 on a durable store: a running flow's own writes are told on the group commit's notifier
 * thread while aborts are told on the caller's; a listener still hears each flow's changes in the
 * order in which they were committed.
 */
class OrderedListenersOnH2Test {
  private static final int FLOWS = 600;

  @TempDir Path dir;

  @Test
  void racingAborts_eachFlowsChangesArriveInCommitOrder() throws Exception {
    ConcurrentMap<String, List<Flow>> heard = new ConcurrentHashMap<>();
    List<String> disorder = new ArrayList<>();
    FlowListener chain =
        new FlowListener() {
          @Override
          public void onStateChange(@Nullable Flow previous, Flow current) {
            hear(previous, current, true);
          }

          @Override
          public void onProgress(Flow current) {
            hear(null, current, false);
          }

          private void hear(@Nullable Flow previous, Flow current, boolean stateChange) {
            List<Flow> flow = heard.computeIfAbsent(current.id(), id -> new ArrayList<>());
            synchronized (flow) {
              Flow last = flow.isEmpty() ? null : flow.getLast();
              boolean inOrder =
                  stateChange
                      ? previous == null ? last == null : previous.equals(last)
                      : last != null && current.progress() > last.progress();
              if (!inOrder) {
                synchronized (disorder) {
                  disorder.add(
                      current.id() + ": " + previous + " -> " + current + " after " + last);
                }
              }
              flow.add(current);
            }
          }
        };
    Template template =
        Template.builder("t").inputTypes("text/plain").step(Steps.progress(0.3, 0.6)).build();
    try (FlowEngine engine =
        FlowEngine.builder()
            .storage(H2Storage.open(dir))
            .template(template)
            .listener(chain)
            .build()) {
      List<CompletableFuture<Flow>> ends = new ArrayList<>();
      for (int i = 0; i < FLOWS; i++) {
        String id = engine.createFlow(NewFlow.builder("t").input(NewAsset.text("x")).build()).id();
        ends.add(engine.awaitFlow(id));
        if (i % 2 == 0) {
          try {
            engine.abortFlow(id);
          } catch (FlowStateException finishedFirst) {
            // ended before the abort
          }
        }
      }
      int aborted = 0;
      for (CompletableFuture<Flow> end : ends) {
        Flow flow = end.get(60, TimeUnit.SECONDS);
        aborted += flow.state() == FlowState.ABORTED ? 1 : 0;
        List<Flow> mine = heard.get(flow.id());
        synchronized (mine) {
          assertThat(mine.getLast()).isEqualTo(flow); // told before the waiter completed
        }
      }
      synchronized (disorder) {
        assertThat(disorder).isEmpty();
      }
      assertThat(aborted).isPositive();
    }
  }
}
