package io.flowengine.internal;

import io.flowengine.AssetRole;
import io.flowengine.FlowState;
import io.flowengine.RetryPolicy;
import io.flowengine.Step;
import io.flowengine.Template;
import io.flowengine.spi.ContextPropagator;
import io.flowengine.spi.DeadlineScheduler;
import io.flowengine.spi.FlowRecord;
import io.flowengine.spi.FlowRun;
import io.flowengine.spi.ObservationScope;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one flow on the current thread: dispatch it ({@code STARTING -> RUNNING}), arm its timeout,
 * run the template's steps in order, then record the outcome: completed, failed with the step's
 * message, aborted, or, when the engine is shutting down, nothing (so recovery can run it again).
 * Thread-safe; one call per flow run.
 */
final class FlowExecution implements Consumer<RunTicket> {
  private static final Logger log = LoggerFactory.getLogger(FlowExecution.class);
  private static final int MAX_ERROR_LENGTH = 2000;

  private final EngineContext ctx;
  private final DelayedRuns delayed;
  private final Set<String> settling = ConcurrentHashMap.newKeySet();

  FlowExecution(EngineContext ctx, DelayedRuns delayed) {
    this.ctx = ctx;
    this.delayed = delayed;
  }

  /**
   * Returns whether this node is still storing the outcome of {@code flowId}'s run (its writes are
   * queued, or being tried again after a store failure): the flow is in hand though no run holds
   * it.
   */
  boolean isSettling(String flowId) {
    return settling.contains(flowId);
  }

  @Override
  public void accept(RunTicket ticket) {
    FlowRecord record = ctx.flows().find(ticket.flowId).orElse(null);
    if (record != null
        && ticket.claimed != null
        && record.state() == FlowState.STARTING
        && record.version() != ticket.claimed.version()) {
      return; // taken over since this node claimed it: another node's to run now
    }
    boolean resumed =
        record != null && record.state() == FlowState.RUNNING && record.notBefore() != null;
    if (record == null || (record.state() != FlowState.STARTING && !resumed)) {
      ctx.contexts().forget(ticket.flowId);
      if (record != null && record.state() == FlowState.ABORTING) {
        ctx.stateMachine().fire(record, FlowEvent.FINISH_ABORT, null, null);
      }
      return;
    }
    Template template = ctx.templates().find(record.templateId()).orElse(null);
    if (template == null) {
      ctx.contexts().forget(ticket.flowId);
      ctx.stateMachine()
          .fire(
              record,
              FlowEvent.FAIL,
              "template "
                  + record.templateName()
                  + " ("
                  + record.templateId()
                  + ") is not registered",
              null);
      return;
    }
    if (resumed) { // the next attempt starts clean: the failed one's outputs go
      ctx.assets().deleteAll(List.of(record.id()), AssetRole.OUTPUT);
    }
    Duration timeout = record.timeout() != null ? record.timeout() : template.timeout();
    Throwable failure = null;
    int[] failedStep = {-1};
    DeadlineScheduler.Cancellable timer = null;
    RunningFlowWrites writes = new RunningFlowWrites(ctx.stateMachine(), record);
    FlowRun run =
        new FlowRun(record.id(), record.accountId(), record.templateId(), record.templateName());
    ticket.attach(Thread.currentThread());
    ContextPropagator.Attachment context = ctx.contexts().attach(record.id());
    ObservationScope observed = ctx.observers().runStarted(run);
    try {
      FlowRecord running = writes.dispatch(); // not waited for: recovery reruns a lost dispatch
      if (timeout != null) {
        timer =
            ctx.deadlines()
                .schedule(
                    ctx.stateMachine().now().plus(timeout),
                    () -> ticket.stop(RunTicket.StopReason.TIMEOUT));
      }
      runSteps(running, run, template, ticket, writes, failedStep);
    } catch (Throwable t) {
      failure = t;
    } finally {
      if (timer != null) {
        timer.cancel();
      }
      observed.close(failure);
      context.close();
      ticket.detach();
    }
    RetryPolicy retry = failedStep[0] < 0 ? null : template.retryPolicyFor(failedStep[0]);
    // a dispatch from starting adds a transition to the history; resuming an attempt adds none
    long changes = record.history().total() + (record.state() == FlowState.STARTING ? 1 : 0);
    finish(
        ticket,
        failure,
        timeout,
        writes,
        record.attempt(),
        retry,
        new RunMark(record.version(), changes, record.attempt()));
  }

  private void runSteps(
      FlowRecord running,
      FlowRun run,
      Template template,
      RunTicket ticket,
      RunningFlowWrites writes,
      int[] failedStep)
      throws Exception {
    int count = template.pipeline().size();
    for (int i = 0; i < count; i++) {
      if (ticket.stopReason() != null) {
        throw new InterruptedException("flow stopped before step " + (i + 1));
      }
      Step step = template.pipeline().get(i);
      MdcPropagator.enterStep(run, running.attempt());
      ObservationScope observed = ctx.observers().stepStarted(run, i, count);
      Throwable thrown = null;
      try {
        step.run(new DefaultStepContext(ctx, running, template, i, count, ticket, writes));
      } catch (Throwable t) {
        thrown = t;
        failedStep[0] = i;
        throw t;
      } finally {
        observed.close(thrown);
        MdcPropagator.leaveStep();
      }
      if (i + 1 < count) {
        writes.progress((i + 1.0) / count); // a finished step is done
      }
    }
  }

  private void finish(
      RunTicket ticket,
      @Nullable Throwable failure,
      @Nullable Duration timeout,
      RunningFlowWrites writes,
      int attempt,
      @Nullable RetryPolicy retry,
      RunMark run) {
    RunTicket.StopReason reason = ticket.stopReason();
    if (reason == RunTicket.StopReason.SHUTDOWN) {
      log.debug("flow {} left as it was: the engine is closing", ticket.flowId);
      return;
    }
    if (reason == RunTicket.StopReason.LEASE_LOST) {
      log.info("flow {} stopped: this node's lease ended, another node runs it", ticket.flowId);
      return;
    }
    settling.add(ticket.flowId); // until the outcome is stored or found settled
    String error = null;
    if (reason == RunTicket.StopReason.TIMEOUT) {
      error = "timed out after " + timeout;
    } else if (failure != null) {
      error = describe(failure);
      log.info("flow {} failed: {}", ticket.flowId, error);
      log.debug("flow {} failure", ticket.flowId, failure);
    }
    if (reason == null && failure != null && retry != null && retry.retries(attempt, failure)) {
      Instant at =
          ctx.stateMachine()
              .now()
              .plus(retry.delayBefore(attempt + 1, ThreadLocalRandom.current().nextDouble()))
              .truncatedTo(ChronoUnit.MICROS); // what every store keeps
      log.info(
          "flow {} attempt {} failed; attempt {} at {}", ticket.flowId, attempt, attempt + 1, at);
      String failed = Objects.requireNonNull(error);
      writes.retry(
          failed,
          at,
          this::waitForNextAttempt,
          flowId -> settle(flowId, new Outcome(failed, at), run, 0)); // not waited for
      return;
    }
    Outcome outcome = new Outcome(error, null);
    if (reason == RunTicket.StopReason.ABORT) {
      settle(ticket.flowId, outcome, run, 0); // the abort is stored: finish it
    } else {
      writes.finish(
          error, this::settled, flowId -> settle(flowId, outcome, run, 0)); // not waited for
    }
  }

  /** A retried attempt's end is stored: the flow waits for its next attempt. */
  private void waitForNextAttempt(FlowRecord waiting) {
    settled(waiting.id());
    delayed.submit(waiting);
  }

  /**
   * Stores the outcome from the stored record, without waiting: an abort can land between reading
   * the state and storing the outcome; then the outcome is refused and the next round finishes the
   * abort instead. If the store fails (a database restarting), it tries again later ({@link
   * #retryLater}) until it succeeds or the engine closes, since nothing else would finish the flow:
   * its owner is alive, so neither recovery nor a takeover touches it. A flow still at the version
   * its run started from lost its dispatch: the run did happen, so it is dispatched now and then
   * given the run's outcome. A running flow whose history has more changes than this run made (it
   * was re-queued and claimed again, by a takeover while this node could not reach the store) is
   * another run's: it is left alone, and so is an aborting one whose abort was not of this run. A
   * retried attempt's outcome is its retry, whichever write was lost: the flow then waits for its
   * next attempt; one found already waiting for exactly that attempt is this retry, stored though
   * the store's reply was lost.
   */
  private void settle(String flowId, Outcome outcome, RunMark run, int failures) {
    FlowRecord record;
    try {
      record = ctx.flows().find(flowId).orElse(null);
    } catch (RuntimeException e) {
      retryLater(flowId, outcome, run, failures, "read it", e);
      return;
    }
    if (record == null || record.state().isTerminal()) {
      settled(flowId);
      if (record != null) { // perhaps by this node's own write whose reply was lost
        ctx.stateMachine().writes().terminalFound(record);
      }
      return;
    }
    if (record.state() == FlowState.STARTING && record.version() == run.startedVersion()) {
      fire(record, FlowEvent.DISPATCH, outcome, run, failures); // the run's outcome comes next
      return;
    }
    if (record.state() != FlowState.RUNNING && record.state() != FlowState.ABORTING) {
      if (failures > 0) {
        log.info(
            "flow {} is {} when storing its outcome again; leaving it", flowId, record.state());
      } else {
        log.error("flow {} is {} after its run; leaving it", flowId, record.state());
      }
      settled(flowId);
      return;
    }
    long since = record.history().total() - run.changes(); // an abort of this run adds one
    if (since == 1 && outcome.storedIn(record, run)) {
      waitForNextAttempt(record);
      return;
    }
    if (since != 0 && (since != 1 || record.state() != FlowState.ABORTING)) {
      log.info(
          "flow {} is {} in another run since this one began; leaving its outcome unstored",
          flowId,
          record.state());
      settled(flowId);
      return;
    }
    FlowEvent event;
    if (record.state() == FlowState.ABORTING) {
      event = FlowEvent.FINISH_ABORT;
    } else if (outcome.retryAt() != null) {
      event = FlowEvent.RETRY;
    } else {
      event = outcome.error() != null ? FlowEvent.FAIL : FlowEvent.COMPLETE;
    }
    fire(record, event, outcome, run, failures);
  }

  /**
   * Fires {@code event} without waiting; then settles again at once if it was a dispatch or was not
   * stored, and later if the store failed. {@code outcome} is the run's, passed for a dispatch too:
   * the dispatch does not store it but hands it on to the settling that follows, so a run whose
   * step failed ends failed, or waits for its next attempt, whichever of its writes the store lost.
   */
  private void fire(
      FlowRecord record, FlowEvent event, Outcome outcome, RunMark run, int failures) {
    String flowId = record.id();
    @Nullable String error = outcome.error();
    @Nullable Instant retryAt = outcome.retryAt();
    CompletableFuture<@Nullable FlowRecord> write =
        event == FlowEvent.RETRY && error != null && retryAt != null
            ? ctx.stateMachine().tryRetryAsync(record, error, retryAt)
            : ctx.stateMachine()
                .tryFireAsync(record, event, event == FlowEvent.DISPATCH ? null : error);
    CompletableFuture<?> unused =
        write.whenComplete(
            (stored, thrown) -> {
              if (thrown != null) { // stored or not: settle reads which, when it retries
                retryLater(flowId, outcome, run, failures, "store " + event, thrown);
              } else if (stored == null || event == FlowEvent.DISPATCH) {
                settle(flowId, outcome, run, 0);
              } else if (event == FlowEvent.RETRY) {
                waitForNextAttempt(stored);
              } else {
                settled(flowId);
              }
            });
  }

  /** Settles again after a delay growing from 100 ms to 5 s; dropped once the engine closes. */
  private void retryLater(
      String flowId, Outcome outcome, RunMark run, int failures, String what, Throwable cause) {
    Duration delay = Duration.ofMillis(Math.min(5000, 100L << Math.min(failures, 6)));
    log.warn(
        "flow {}: could not {} to finish it ({}); trying again in {} ms",
        flowId,
        what,
        cause.toString(),
        delay.toMillis());
    try {
      DeadlineScheduler.Cancellable unused =
          ctx.deadlines()
              .schedule(
                  ctx.stateMachine().now().plus(delay),
                  () -> settle(flowId, outcome, run, failures + 1));
    } catch (IllegalStateException closed) {
      settled(flowId);
      log.info("flow {}: the engine is closing; recovery finishes it on the next start", flowId);
    }
  }

  /**
   * Which run an outcome belongs to: the version the run started from, how many state changes the
   * flow's history holds once the run is running, and the attempt it ran.
   */
  private record RunMark(long startedVersion, long changes, int attempt) {}

  /**
   * What a run's end stores: completed (no error), failed with {@code error}, or, with {@code
   * retryAt}, failed and retried: the next attempt runs no earlier than then.
   */
  private record Outcome(@Nullable String error, @Nullable Instant retryAt) {
    /** Returns whether {@code record} is this run's retry, stored: waiting for the next attempt. */
    boolean storedIn(FlowRecord record, RunMark run) {
      return retryAt != null
          && record.state() == FlowState.RUNNING
          && record.attempt() == run.attempt() + 1
          && retryAt.equals(record.notBefore())
          && Objects.equals(error, record.lastError());
    }
  }

  private void settled(String flowId) {
    settling.remove(flowId);
  }

  private static String describe(Throwable failure) {
    String message = failure.getMessage();
    if (message == null || message.isBlank()) {
      message = failure.getClass().getName();
    }
    return message.length() > MAX_ERROR_LENGTH
        ? message.substring(0, MAX_ERROR_LENGTH) + "..."
        : message;
  }
}
