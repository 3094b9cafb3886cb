package io.flowengine.testing;

import io.flowengine.Step;
import io.flowengine.StepContext;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A step that holds every flow reaching it in {@code RUNNING} until the test calls {@link
 * #release()}, so a test can observe a running flow, abort it, or let it time out. It waits
 * interruptibly, so an abort stops it at once. Thread-safe; one instance can serve many flows.
 */
public final class BlockingStep implements Step {
  private final CountDownLatch released = new CountDownLatch(1);
  private final Semaphore entered = new Semaphore(0);

  BlockingStep() {}

  @Override
  public void run(StepContext context) throws InterruptedException {
    entered.release();
    released.await();
  }

  /**
   * Waits until {@code flows} flows (counted since the last call) have reached the step.
   *
   * @throws TimeoutException if they did not within {@code timeout}
   * @throws InterruptedException if the waiting thread is interrupted
   */
  public void awaitEntered(int flows, Duration timeout)
      throws InterruptedException, TimeoutException {
    if (!entered.tryAcquire(flows, timeout.toNanos(), TimeUnit.NANOSECONDS)) {
      throw new TimeoutException(
          flows + " flow(s) did not reach the blocking step within " + timeout);
    }
  }

  /**
   * Waits until one flow has reached the step; see {@link #awaitEntered(int, Duration)}.
   *
   * @throws TimeoutException if none did within {@code timeout}
   * @throws InterruptedException if the waiting thread is interrupted
   */
  public void awaitEntered(Duration timeout) throws InterruptedException, TimeoutException {
    awaitEntered(1, timeout);
  }

  /** Lets every waiting and future flow pass. */
  public void release() {
    released.countDown();
  }
}
