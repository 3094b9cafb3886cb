package io.flowengine.samples;

/**
 * What a long computation reports to and asks of whoever runs it: how far it got, and whether it
 * should stop. A flow step passes one backed by its {@code StepContext}; direct callers use {@link
 * #NONE}. Implementations must be thread-safe if the computation is parallel.
 */
public interface WorkMonitor {
  /** A monitor that ignores progress and never asks to stop. */
  WorkMonitor NONE =
      new WorkMonitor() {
        @Override
        public void progress(double fraction) {}

        @Override
        public void checkpoint() {}
      };

  /** Reports the fraction done, from 0 to 1; smaller values than before may be ignored. */
  void progress(double fraction);

  /**
   * Returns normally unless the computation should stop.
   *
   * @throws InterruptedException if it should stop (the flow is being aborted)
   */
  void checkpoint() throws InterruptedException;

  /**
   * Returns a monitor that maps this one's [0, 1] onto [{@code from}, {@code to}], for one stage of
   * a longer computation.
   */
  default WorkMonitor range(double from, double to) {
    WorkMonitor outer = this;
    return new WorkMonitor() {
      @Override
      public void progress(double fraction) {
        outer.progress(from + (to - from) * Math.clamp(fraction, 0.0, 1.0));
      }

      @Override
      public void checkpoint() throws InterruptedException {
        outer.checkpoint();
      }
    };
  }
}
