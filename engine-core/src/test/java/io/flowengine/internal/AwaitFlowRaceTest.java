package io.flowengine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.FlowEngine;
import io.flowengine.FlowListener;
import io.flowengine.NewFlow;
import io.flowengine.Template;
import io.flowengine.testing.Steps;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Regression: {@code awaitFlow} futures never completed for a few flows that had completed. The
 * completion skipped its waiter when {@code ConcurrentHashMap.isEmpty()} briefly reported an empty
 * map (a concurrent insert not yet counted, a remove already counted) while the waiter was in it.
 * Found by the lifecycle benchmark, which awaits thousands of flows as they complete.
 * Probabilistic: it ran into the race within seconds before the fix.
 */
class AwaitFlowRaceTest {
  @Test
  void awaitFlow_completes_whileOtherFlowsRegisterAndFinish() throws Exception {
    Template noop = Template.builder("noop").inputTypes("text/plain").step(Steps.succeed()).build();
    try (FlowEngine engine =
        FlowEngine.builder().template(noop).listener(new FlowListener() {}).build()) {
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      int rounds = 0;
      while (System.nanoTime() < end) {
        List<String> ids = new ArrayList<>();
        List<CompletableFuture<?>> done = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
          String id = engine.createFlow(NewFlow.of("noop")).id();
          engine.startFlow(id);
          ids.add(id);
          done.add(engine.awaitFlow(id));
        }
        List<String> lost = new ArrayList<>();
        try {
          CompletableFuture.allOf(done.toArray(CompletableFuture<?>[]::new))
              .get(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
          for (int i = 0; i < ids.size(); i++) {
            if (!done.get(i).isDone()) {
              lost.add(ids.get(i) + " " + engine.getFlow(ids.get(i)).state());
            }
          }
        }
        assertThat(lost).as("flows whose awaitFlow never completed (round %s)", rounds).isEmpty();
        engine.purgeFinishedFlows(Duration.ZERO);
        rounds++;
      }
    }
  }
}
