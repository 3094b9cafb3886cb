package io.flowengine.samples;

import io.flowengine.StepContext;

/**
 * A {@link WorkMonitor} backed by a step's context: progress of input {@code index} of {@code
 * count} maps onto that input's share of the step, and checkpoints are the flow's abort checks.
 * Thread-safe as the context is.
 */
final class StepMonitor implements WorkMonitor {
  private final StepContext context;
  private final int index;
  private final int count;

  StepMonitor(StepContext context, int index, int count) {
    this.context = context;
    this.index = index;
    this.count = count;
  }

  @Override
  public void progress(double fraction) {
    context.progress(Math.clamp((index + Math.clamp(fraction, 0.0, 1.0)) / count, 0.0, 1.0));
  }

  @Override
  public void checkpoint() throws InterruptedException {
    context.checkpoint();
  }
}
