package io.flowengine.internal;

import io.flowengine.EngineLoad;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The running slots and the first-in-first-out wait queue of a {@link FlowRunner}: at most {@code
 * maxRunning} tickets hold a slot ({@link RunTicket#holdsSlot}), the rest wait their turn; and the
 * back-off of the retry that offers refused flows to the executor again. Every method takes the one
 * lock that guards them and holds it only for a few field updates; none calls out while holding it.
 * Thread-safe.
 */
final class RunSlots {
  static final Duration FIRST_RETRY = Duration.ofMillis(1);
  static final Duration LAST_RETRY = Duration.ofMillis(200);

  private final int maxRunning;
  private final ConcurrentMap<String, RunTicket> tickets;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition idle = lock.newCondition();
  private final ArrayDeque<RunTicket> queue = new ArrayDeque<>(); // guarded by lock
  private int running; // guarded by lock
  private boolean shutdown; // guarded by lock
  private volatile boolean refused; // the executor refused a flow; slots may be free with a queue
  private Duration retryDelay = FIRST_RETRY; // guarded by lock
  private boolean retryArmed; // guarded by lock

  /**
   * @param tickets the runner's tickets of the flows queued or running, by flow id
   */
  RunSlots(int maxRunning, ConcurrentMap<String, RunTicket> tickets) {
    this.maxRunning = maxRunning;
    this.tickets = tickets;
  }

  /**
   * Gives {@code ticket} a free slot unless refused flows wait for one first, else queues it; after
   * a shutdown, drops it from the tickets instead.
   *
   * @return whether it holds a slot now: the caller hands it to the executor
   */
  boolean admit(RunTicket ticket) {
    lock.lock();
    try {
      if (shutdown) {
        tickets.remove(ticket.flowId, ticket);
        return false;
      }
      boolean launch = running < maxRunning && queue.isEmpty(); // refused flows keep their turn
      if (launch) {
        running++;
        ticket.holdsSlot = true;
      } else {
        queue.addLast(ticket);
      }
      return launch;
    } finally {
      lock.unlock();
    }
  }

  /** Returns the flows holding a slot and the flows queued for one. */
  EngineLoad load() {
    lock.lock();
    try {
      return new EngineLoad(running, queue.size());
    } finally {
      lock.unlock();
    }
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

  /** Empties the queue and returns what it held, in order. */
  List<RunTicket> drainQueue() {
    lock.lock();
    try {
      List<RunTicket> dropped = new ArrayList<>(queue);
      queue.clear();
      return dropped;
    } finally {
      lock.unlock();
    }
  }

  /** Releases {@code ticket}'s slot, if it holds one, as {@link #release} does; else null. */
  @Nullable RunTicket releaseIfHeld(RunTicket ticket) {
    lock.lock();
    try {
      return ticket.holdsSlot ? releaseSlot(ticket) : null;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Passes the slot of {@code ticket}, whose run ended, to the next queued flow and returns that
   * one (to launch), or frees the slot and returns null.
   */
  @Nullable RunTicket release(RunTicket ticket) {
    lock.lock();
    try {
      return releaseSlot(ticket);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Takes back the slot of a ticket the executor refused and puts the ticket back at the head of
   * the queue, unless it was cancelled or the runner shut down.
   *
   * @return the delay after which to arm the retry of the queue, or null if one is armed already or
   *     the runner shut down
   */
  @Nullable Duration takeBackRefused(RunTicket ticket) {
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
      boolean arm = !retryArmed && !shutdown;
      retryArmed |= arm;
      Duration delay = retryDelay;
      if (arm) {
        retryDelay = min(retryDelay.multipliedBy(2), LAST_RETRY);
      }
      return arm ? delay : null;
    } finally {
      lock.unlock();
    }
  }

  /** Notes that the armed retry runs now; a later refusal arms the next one. */
  void retryFired() {
    lock.lock();
    try {
      retryArmed = false;
    } finally {
      lock.unlock();
    }
  }

  /** Returns whether the executor refused a flow since the queue was last found empty. */
  boolean anyRefused() {
    return refused;
  }

  /** Takes a free slot for the next queued flow, or returns null if there is none of either. */
  @Nullable RunTicket takeFreeSlot() {
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

  /**
   * Stops giving out slots; empties the queue and abandons the tickets that hold a slot but no
   * thread claimed yet (e.g. on an executor that never runs them), and returns both.
   */
  List<RunTicket> shutDown() {
    lock.lock();
    try {
      shutdown = true;
      List<RunTicket> dropped = new ArrayList<>(queue);
      queue.clear();
      for (RunTicket ticket : tickets.values()) {
        if (ticket.holdsSlot && ticket.abandonIfQueued()) {
          ticket.holdsSlot = false;
          running--;
          dropped.add(ticket);
        }
      }
      return dropped;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until no ticket holds a slot or {@link System#nanoTime} reaches {@code deadline}.
   *
   * @return whether no ticket holds a slot
   */
  boolean awaitIdle(long deadline) throws InterruptedException {
    lock.lock();
    try {
      while (running > 0 && System.nanoTime() < deadline) {
        idle.awaitNanos(deadline - System.nanoTime());
      }
      return running == 0;
    } finally {
      lock.unlock();
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

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
