package io.flowengine.postgres;

import io.flowengine.FlowEngine;
import io.flowengine.Template;
import io.flowengine.bench.NoopFlows;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;

/**
 * The no-op flow of {@link NoopFlows} for a node of a cluster: its one step counts, on the node
 * that runs it, the flows that node executed, so a benchmark can report each node's share.
 * Thread-safe.
 */
final class NodeCountingFlows {
  /** How long a batch may take before the benchmark fails instead of hanging. */
  private static final long BATCH_TIMEOUT_SECONDS = 120;

  private NodeCountingFlows() {}

  /** Returns the no-op template whose step adds one to {@code executed}. */
  static Template template(LongAdder executed) {
    return Template.builder(NoopFlows.TEMPLATE)
        .description("one no-op step")
        .inputTypes("text/plain")
        .step(context -> executed.increment())
        .build();
  }

  /**
   * Creates and starts {@code count} flows on {@code engine}, then waits for all of them to
   * complete, on whichever node ran them.
   *
   * @throws IllegalStateException if they did not all complete within two minutes
   */
  static void runBatch(FlowEngine engine, int count) {
    CompletableFuture<?>[] done = new CompletableFuture<?>[count];
    for (int i = 0; i < count; i++) {
      String id = engine.createFlow(NoopFlows.REQUEST).id();
      engine.startFlow(id);
      done[i] = engine.awaitFlow(id);
    }
    try {
      CompletableFuture.allOf(done).get(BATCH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted awaiting a batch", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("a batch of " + count + " flows did not complete", e);
    }
  }
}
