package io.flowengine.internal;

import io.flowengine.EngineLoad;
import io.flowengine.spi.DeadlineScheduler;
import io.flowengine.spi.FlowRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs flows with at most {@code maxRunning} at once; the rest wait in a first-in-first-out queue.
 * Each flow runs as one task on the executor (by default a new virtual thread per task). The queue
 * and slot count are guarded by a lock that is held only for a few field updates.
 *
 * <p>A flow the executor refuses ({@link RejectedExecutionException}) goes back to the head of the
 * queue, still abortable, and gives its slot back; the queue is offered to the executor again when
 * one of this runner's tasks ends and, in case none is running, after a back-off on the deadline
 * scheduler (doubling from {@link #FIRST_RETRY} up to {@link #LAST_RETRY}). Launching is a loop,
 * never a recursion, however many flows are refused in a row. Thread-safe.
 */
final class FlowRunner {
  private static final Logger log = LoggerFactory.getLogger(FlowRunner.class);
  static final Duration FIRST_RETRY = Duration.ofMillis(1);
  static final Duration LAST_RETRY = Duration.ofMillis(200);

  private final Executor executor;
  private final @Nullable ExecutorService ownedExecutor;
  private final int maxRunning;
  private final Consumer<RunTicket> execution;
  private final ConcurrentMap<String, RunTicket> tickets = new ConcurrentHashMap<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition idle = lock.newCondition();
  private final ArrayDeque<RunTicket> queue = new ArrayDeque<>(); // guarded by lock
  private int running; // guarded by lock
  private boolean shutdown; // guarded by lock
  private final DeadlineScheduler scheduler;
  private final Supplier<Instant> now;
  private volatile boolean refused; // the executor refused a flow; slots may be free with a queue
  private Duration retryDelay = FIRST_RETRY; // guarded by lock
  private boolean retryArmed; // guarded by lock
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
          Executors.newThreadPerTaskExecutor(
              Thread.ofVirtual().name("flowengine-flow-", 0).factory());
      this.executor = ownedExecutor;
    } else {
      this.ownedExecutor = null;
      this.executor = executor;
    }
    this.maxRunning = maxRunning;
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
    boolean launch;
    lock.lock();
    try {
      if (shutdown) {
        tickets.remove(flowId, ticket);
        return;
      }
      launch = running < maxRunning && queue.isEmpty(); // refused flows keep their turn
      if (launch) {
        running++;
        ticket.holdsSlot = true;
      } else {
        queue.addLast(ticket);
      }
    } finally {
      lock.unlock();
    }
    if (launch) {
      launch(ticket);
    }
  }

  /** Returns the flows holding a slot and the flows queued for one, read under the lock. */
  EngineLoad load() {
    lock.lock();
    try {
      return new EngineLoad(running, queue.size());
    } finally {
      lock.unlock();
    }
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
    RunTicket next = null;
    lock.lock();
    try {
      if (ticket.holdsSlot) { // launched but not claimed: its task will find it cancelled
        next = releaseSlot(ticket);
      }
    } finally {
      lock.unlock();
    }
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
    lock.lock();
    try {
      return shutdown ? 0 : Math.max(0, maxRunning - running - queue.size());
    } finally {
      lock.unlock();
    }
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
    List<RunTicket> dropped;
    lock.lock();
    try {
      dropped = new ArrayList<>(queue);
      queue.clear();
    } finally {
      lock.unlock();
    }
    for (RunTicket ticket : dropped) {
      if (ticket.cancelIfQueued()) {
        tickets.remove(ticket.flowId, ticket);
      }
    }
    for (RunTicket ticket : tickets.values()) {
      if (ticket.cancelIfQueued()) { // launched, not yet claimed by a thread: it will not run
        tickets.remove(ticket.flowId, ticket);
        RunTicket next;
        lock.lock();
        try {
          next = ticket.holdsSlot ? releaseSlot(ticket) : null;
        } finally {
          lock.unlock();
        }
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
      ticket = refused ? takeFreeSlot() : null;
    }
  }

  /** Puts a flow the executor refused back at the head of the queue and arms a retry. */
  private void requeueRefused(RunTicket ticket, RejectedExecutionException e) {
    boolean arm;
    Duration delay;
    lock.lock();
    try {
      refused = true;
      if (ticket.holdsSlot) { // unless an abort cancelled it and gave the slot back meanwhile
        ticket.holdsSlot = false;
        running--;
        if (!ticket.isCancelled() && !shutdown) {
          queue.addFirst(ticket);
        }
        if (running == 0) {
          idle.signalAll();
        }
      }
      arm = !retryArmed && !shutdown;
      retryArmed |= arm;
      delay = retryDelay;
      if (arm) {
        retryDelay = min(retryDelay.multipliedBy(2), LAST_RETRY);
      }
    } finally {
      lock.unlock();
    }
    log.debug("executor refused flow {}; it waits for capacity: {}", ticket.flowId, e.toString());
    if (arm) {
      try {
        scheduler.schedule(now.get().plus(delay), this::retryRefused);
      } catch (RuntimeException closing) {
        log.debug("could not arm the retry of refused flows: {}", closing.toString());
      }
    }
  }

  /** The back-off retry: offers the queued flows to the executor again, as slots allow. */
  private void retryRefused() {
    lock.lock();
    try {
      retryArmed = false;
    } finally {
      lock.unlock();
    }
    launch(takeFreeSlot());
  }

  /** Takes a free slot for the next queued flow, or returns null if there is none of either. */
  private @Nullable RunTicket takeFreeSlot() {
    lock.lock();
    try {
      if (shutdown || running >= maxRunning) {
        return null;
      }
      RunTicket next;
      do {
        next = queue.pollFirst();
      } while (next != null && next.isCancelled());
      if (next == null) {
        refused = false; // nothing is left waiting because of a refusal
        retryDelay = FIRST_RETRY;
        return null;
      }
      running++;
      next.holdsSlot = true;
      return next;
    } finally {
      lock.unlock();
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
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
    RunTicket next;
    lock.lock();
    try {
      next = releaseSlot(ticket);
    } finally {
      lock.unlock();
    }
    if (next == null && refused) {
      next = takeFreeSlot();
    }
    if (next != null) {
      launch(next);
    } else {
      slotFreed.run();
    }
  }

  /** Passes {@code ticket}'s slot to the next queued flow, or frees it; call with the lock held. */
  private @Nullable RunTicket releaseSlot(RunTicket ticket) {
    ticket.holdsSlot = false;
    RunTicket next;
    do {
      next = shutdown ? null : queue.pollFirst();
    } while (next != null && next.isCancelled());
    if (next != null) {
      next.holdsSlot = true;
    } else {
      running--;
      if (running == 0) {
        idle.signalAll();
      }
    }
    return next;
  }

  /**
   * Stops taking work, drops queued flows, asks running ones to stop and waits up to {@code
   * timeout} for them to end.
   *
   * @return whether every flow ended in time
   */
  boolean shutdown(Duration timeout) throws InterruptedException {
    List<RunTicket> dropped;
    lock.lock();
    try {
      shutdown = true;
      dropped = new ArrayList<>(queue);
      queue.clear();
      // launched but not yet claimed by a thread (e.g. on an executor that never runs them)
      for (RunTicket ticket : tickets.values()) {
        if (ticket.holdsSlot && ticket.abandonIfQueued()) {
          ticket.holdsSlot = false;
          running--;
          dropped.add(ticket);
        }
      }
    } finally {
      lock.unlock();
    }
    dropped.forEach(ticket -> tickets.remove(ticket.flowId, ticket));
    tickets.values().forEach(ticket -> ticket.stop(RunTicket.StopReason.SHUTDOWN));
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean ended;
    lock.lock();
    try {
      while (running > 0 && System.nanoTime() < deadline) {
        idle.awaitNanos(deadline - System.nanoTime());
      }
      ended = running == 0;
    } finally {
      lock.unlock();
    }
    if (ownedExecutor != null) {
      ownedExecutor.shutdownNow();
      ended &=
          ownedExecutor.awaitTermination(
              Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
    return ended;
  }
}
