package io.flowengine;

/**
 * One stage of a template's pipeline. The engine runs a flow's steps in order on the flow's own
 * (virtual) thread. A step reads inputs and writes outputs through its {@link StepContext}, reports
 * progress, and should call {@link StepContext#checkpoint()} now and then: an abort interrupts the
 * thread and makes the checkpoint throw. A step that returns normally lets the next one run; one
 * that throws ends the flow {@code FAILED} with the exception's message, keeping the outputs
 * already written.
 *
 * <p>Implementations must be thread-safe: one step instance serves every flow of its template,
 * concurrently.
 */
@FunctionalInterface
public interface Step {
  /**
   * Does the step's work for one flow.
   *
   * @throws InterruptedException if the flow was aborted (or timed out) while the step waited
   * @throws Exception anything else fails the flow with its message
   */
  void run(StepContext context) throws Exception;
}
