package io.flowengine.bench;

import io.flowengine.FlowEngine;
import io.flowengine.NewFlow;
import io.flowengine.Template;
import io.flowengine.testing.Steps;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The flow every lifecycle benchmark runs: a template with one step that does nothing, so what is
 * measured is the engine's own work (create, start, dispatch, complete) and not a step's. Also the
 * matching floor: the same no-op submitted to an executor.
 */
public final class NoopFlows {
  /** The template's name. */
  public static final String TEMPLATE = "noop";

  /** The request that creates a flow of {@link #TEMPLATE}. */
  public static final NewFlow REQUEST = NewFlow.of(TEMPLATE);

  private NoopFlows() {}

  /** Returns the template: one step that succeeds at once. */
  public static Template template() {
    return Template.builder(TEMPLATE)
        .description("one no-op step")
        .inputTypes("text/plain")
        .step(Steps.succeed())
        .build();
  }

  /**
   * Runs {@code count} flows through their whole lifecycle: creates and starts each, then waits for
   * all of them to complete.
   */
  public static void runBatch(FlowEngine engine, int count) {
    CompletableFuture<?>[] done = new CompletableFuture<?>[count];
    for (int i = 0; i < count; i++) {
      String id = engine.createFlow(REQUEST).id();
      engine.startFlow(id);
      done[i] = engine.awaitFlow(id);
    }
    CompletableFuture.allOf(done).join();
  }

  /** The floor of {@link #runBatch}: submits {@code count} no-ops and waits for all of them. */
  public static void runBaselineBatch(ExecutorService executor, int count) throws Exception {
    Future<?>[] done = new Future<?>[count];
    for (int i = 0; i < count; i++) {
      done[i] = executor.submit(NoopFlows::noop);
    }
    for (Future<?> future : done) {
      future.get();
    }
  }

  private static void noop() {}
}
