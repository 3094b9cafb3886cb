package io.flowengine.internal;

import io.flowengine.EngineLoad;
import io.flowengine.spi.DeadlineScheduler;
import io.flowengine.spi.FlowRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs flows with at most {@code maxRunning} at once; the rest wait in a first-in-first-out queue
 * ({@link RunSlots}, whose lock is held only for a few field updates). Each flow runs as one task
 * on the executor (by default a new virtual thread per task).
 *
 * <p>A flow the executor refuses ({@link RejectedExecutionException}) goes back to the head of the
 * queue, still abortable, and gives its slot back; the queue is offered to the executor again when
 * one of this runner's tasks ends and, in case none is running, after a back-off on the deadline
 * scheduler (doubling from {@link RunSlots#FIRST_RETRY} up to {@link RunSlots#LAST_RETRY}).
 * Launching is a loop, never a recursion, however many flows are refused in a row. Thread-safe.
 */
final class FlowRunner {
  private static final Logger log = LoggerFactory.getLogger(FlowRunner.class);

  private final Executor executor;
  private final @Nullable ExecutorService ownedExecutor;
  private final Consumer<RunTicket> execution;
  private final ConcurrentMap<String, RunTicket> tickets = new ConcurrentHashMap<>();
  private final RunSlots slots;
  private final DeadlineScheduler scheduler;
  private final Supplier<Instant> now;
  private volatile Runnable slotFreed = () -> {};

  FlowRunner(
      @Nullable Executor executor,
      int maxRunning,
      Consumer<RunTicket> execution,
      DeadlineScheduler scheduler,
      Supplier<Instant> now) {
    this.scheduler = scheduler;
    this.now = now;
    if (executor == null) {
      this.ownedExecutor =
          Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("flowengine-flow").factory());
      this.executor = ownedExecutor;
    } else {
      this.ownedExecutor = null;
      this.executor = executor;
    }
    this.slots = new RunSlots(maxRunning, tickets);
    this.execution = execution;
  }

  /** Queues a starting flow; it runs as soon as a slot is free. */
  void submit(String flowId) {
    submit(flowId, null);
  }

  /**
   * Queues a starting flow that this node claimed in cluster mode as {@code claimed}; its run
   * starts from that version, or not at all if the flow changed since.
   */
  void submit(String flowId, @Nullable FlowRecord claimed) {
    RunTicket ticket = new RunTicket(flowId, claimed);
    tickets.put(flowId, ticket);
    if (slots.admit(ticket)) {
      launch(ticket);
    }
  }

  /** Returns the flows holding a slot and the flows queued for one, read under the lock. */
  EngineLoad load() {
    return slots.load();
  }

  /**
   * Removes a flow that has not started running from the queue.
   *
   * @return true if it was queued and will now never run
   */
  boolean cancelQueued(String flowId) {
    RunTicket ticket = tickets.get(flowId);
    if (ticket == null || !ticket.cancelIfQueued()) {
      return false;
    }
    tickets.remove(flowId, ticket);
    // launched but not claimed: its task will find it cancelled
    RunTicket next = slots.releaseIfHeld(ticket);
    if (next != null) {
      launch(next);
    }
    return true;
  }

  /** Asks a running flow to stop for {@code reason}; does nothing if it is not running. */
  void stop(String flowId, RunTicket.StopReason reason) {
    RunTicket ticket = tickets.get(flowId);
    if (ticket != null) {
      ticket.stop(reason);
    }
  }

  /** Returns whether {@code flowId} is queued here or running here. */
  boolean holds(String flowId) {
    return tickets.containsKey(flowId);
  }

  /** Returns how many more flows could start now without waiting for a slot. */
  int freeSlots() {
    return slots.freeSlots();
  }

  /** Calls {@code listener} each time a slot becomes free; set once, before flows run. */
  void onSlotFreed(Runnable listener) {
    this.slotFreed = listener;
  }

  /**
   * Drops the queued flows and asks every running one to stop for {@code reason}; the runner keeps
   * taking new flows.
   */
  void stopAll(RunTicket.StopReason reason) {
    for (RunTicket ticket : slots.drainQueue()) {
      if (ticket.cancelIfQueued()) {
        tickets.remove(ticket.flowId, ticket);
      }
    }
    for (RunTicket ticket : tickets.values()) {
      if (ticket.cancelIfQueued()) { // launched, not yet claimed by a thread: it will not run
        tickets.remove(ticket.flowId, ticket);
        RunTicket next = slots.releaseIfHeld(ticket);
        if (next != null) {
          launch(next);
        }
      } else {
        ticket.stop(reason);
      }
    }
    slotFreed.run();
  }

  /**
   * Hands {@code first}, which holds a slot, to the executor, then, while refusals left slots free,
   * the next queued flows: a loop, so a long run of refusals cannot grow the stack.
   */
  private void launch(@Nullable RunTicket first) {
    RunTicket ticket = first;
    while (ticket != null) {
      RunTicket launched = ticket;
      try {
        executor.execute(() -> run(launched));
      } catch (RejectedExecutionException e) {
        requeueRefused(launched, e);
        return;
      }
      ticket = slots.anyRefused() ? slots.takeFreeSlot() : null;
    }
  }

  /** Puts a flow the executor refused back at the head of the queue and arms a retry. */
  private void requeueRefused(RunTicket ticket, RejectedExecutionException e) {
    Duration delay = slots.takeBackRefused(ticket);
    log.debug("executor refused flow {}; it waits for capacity: {}", ticket.flowId, e.toString());
    if (delay != null) {
      try {
        scheduler.schedule(now.get().plus(delay), this::retryRefused);
      } catch (RuntimeException closing) {
        log.debug("could not arm the retry of refused flows: {}", closing.toString());
      }
    }
  }

  /** The back-off retry: offers the queued flows to the executor again, as slots allow. */
  private void retryRefused() {
    slots.retryFired();
    launch(slots.takeFreeSlot());
  }

  private void run(RunTicket ticket) {
    if (!ticket.claim()) {
      return; // cancelled or abandoned: whoever did that gave its slot back
    }
    try {
      execution.accept(ticket);
    } catch (RuntimeException | Error e) {
      log.error("flow {} escaped its execution", ticket.flowId, e);
    } finally {
      finished(ticket);
    }
  }

  private void finished(RunTicket ticket) {
    tickets.remove(ticket.flowId, ticket);
    RunTicket next = slots.release(ticket);
    if (next == null && slots.anyRefused()) {
      next = slots.takeFreeSlot();
    }
    if (next != null) {
      launch(next);
    } else {
      slotFreed.run();
    }
  }

  /**
   * Stops taking work, drops queued flows, asks running ones to stop and waits up to {@code
   * timeout} for them to end.
   *
   * @return whether every flow ended in time
   */
  boolean shutdown(Duration timeout) throws InterruptedException {
    List<RunTicket> dropped = slots.shutDown();
    dropped.forEach(ticket -> tickets.remove(ticket.flowId, ticket));
    tickets.values().forEach(ticket -> ticket.stop(RunTicket.StopReason.SHUTDOWN));
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean ended = slots.awaitIdle(deadline);
    if (ownedExecutor != null) {
      ownedExecutor.shutdownNow();
      ended &=
          ownedExecutor.awaitTermination(
              Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
    return ended;
  }
}
