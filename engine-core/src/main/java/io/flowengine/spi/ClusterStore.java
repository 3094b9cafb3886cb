package io.flowengine.spi;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What several engines sharing one store need besides the {@link FlowStore}: one node's view of the
 * cluster. Each engine is a node with a lease it renews; a started flow runs on whichever node
 * claims it; the flows of a node whose lease ended are taken over by a live node; and each node
 * hears of the changes the others make. A storage offers it through {@link EngineStorage#cluster()}
 * (absent: the engine runs alone, as before).
 *
 * <p><b>Ownership and fencing.</b> The store keeps, beside each flow's record, its owner: the node
 * and the epoch of the lease that claimed it. Every change of owner ({@link #claim}, {@link
 * #takeOver}) also increments the record's version, so a node whose lease ended cannot write over
 * the new owner: each of its writes is a {@link FlowStore#compareAndSet} from a version that is
 * gone. Lease ends are decided by the store's clock, the one clock every node shares.
 *
 * <p>Implementations must be thread-safe. Failures to read or write are {@link
 * io.flowengine.StorageException}s.
 */
public interface ClusterStore {
  /** Returns this node's id: 1 to 64 of {@code A-Z a-z 0-9 . _ : -}. */
  String nodeId();

  /** Returns how long a lease lasts without being renewed. */
  Duration lease();

  /**
   * Registers this node (again) with a new lease: a new epoch, greater than every epoch handed out
   * before, ending one {@link #lease()} from now. A node registers when it starts and again after
   * it lost its lease; flows claimed under an earlier epoch are no longer its own.
   *
   * @param slots how many flows the node runs at once, recorded for operators
   * @return the new epoch
   */
  long register(int slots);

  /**
   * Extends the lease of {@code epoch} to one {@link #lease()} from now.
   *
   * @return false if that lease had already ended or is no longer this node's; the node must then
   *     stop its flows and {@link #register} again
   */
  boolean renew(long epoch);

  /**
   * Claims up to {@code limit} starting flows that no node owns, oldest (by creation time, then id)
   * first, skipping any another node is claiming at the same moment: each becomes owned by this
   * node under {@code epoch}, and its version is incremented.
   *
   * @return the claimed records, as stored (incremented version), oldest first
   */
  List<FlowRecord> claim(long epoch, int limit);

  /**
   * Claims one unfinished flow if no node owns it, whatever its state: how a node finishes the
   * abort of a flow that was waiting for a claim.
   *
   * @return the claimed record, as stored, or empty if the flow is owned, finished or gone
   */
  Optional<FlowRecord> claimUnowned(long epoch, String flowId);

  /**
   * Returns up to {@code limit} unfinished flows owned by this node under {@code epoch}, ordered by
   * id. How a node finds the flows it owns but does not run: a claim stored whose reply was lost (a
   * connection that broke after the commit), or a run that failed before it began.
   */
  List<FlowRecord> owned(long epoch, int limit);

  /**
   * Returns up to {@code limit} unfinished flows that are stuck: owned under a lease that ended (or
   * a node that left), or not starting and owned by no node. Starting flows no node owns are not
   * stuck: they wait for a claim. Ordered by id.
   */
  List<FlowRecord> orphans(int limit);

  /**
   * Replaces each {@code expected} record with its {@code next} as {@link
   * FlowStore#compareAndSetAll} does, and clears its owner; a flow it leaves starting (re-queued)
   * also loses its outputs, in the same atomic step, so the next run starts clean and no claim
   * comes in between. How a live node takes over the flows of a lost one; re-queued flows are then
   * claimed anew.
   *
   * @return for each pair, whether the record was replaced
   * @throws IllegalArgumentException if the lists differ in size or a pair is not a valid update;
   *     then nothing is changed
   */
  boolean[] takeOver(List<FlowRecord> expected, List<FlowRecord> next);

  /** Ends the lease of {@code epoch} at once, so that its unfinished flows are orphans. */
  void leave(long epoch);

  /**
   * Calls {@code listener} with the changes other nodes make to flows from now on: soon after each
   * is stored (a durable store: committed), on a thread of the store's, perhaps several changes of
   * one flow as one. A listener must be quick and must not block. Changes made while a store could
   * not deliver them (a lost connection) are announced by a {@link FlowChange#everything()} call
   * once it can again.
   *
   * @return the subscription; closing it stops the calls
   */
  AutoCloseable subscribe(Consumer<FlowChange> listener);
}
