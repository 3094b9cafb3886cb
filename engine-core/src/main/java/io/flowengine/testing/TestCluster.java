package io.flowengine.testing;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

import io.flowengine.FlowEngine;
import io.flowengine.Template;
import io.flowengine.spi.InMemoryCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Several engines in one JVM sharing one in-memory store as a cluster ({@link InMemoryCluster}), on
 * one {@link ManualClock}, each running its flows and cluster rounds on a {@link ManualExecutor} of
 * its own, so that a test decides exactly what each node does and when. A test can {@link #kill} a
 * node (its storage fails from then on and it never runs again), {@link #pause} and {@link #resume}
 * one (its work waits, as in a GC pause or under SIGSTOP), and move time past a lease with {@link
 * #advance}; the other nodes then take over the node's flows, and a node that comes back finds its
 * lease ended, its old claims refused, and joins again.
 *
 * <pre>{@code
 * try (TestCluster cluster = TestCluster.builder().nodes(3).template(myTemplate).build()) {
 *   Flow flow = cluster.node(0).createFlow(request);
 *   cluster.kill(cluster.ownerOf(flow.id()).orElseThrow());
 *   cluster.advance(cluster.lease().multipliedBy(2));   // another node runs it
 * }
 * }</pre>
 *
 * <p>Not thread-safe: drive it from the test's thread.
 */
public final class TestCluster implements AutoCloseable {
  private final ManualClock clock;
  private final Duration lease;
  private final InMemoryCluster storage;
  private final List<FlowEngine> engines = new ArrayList<>();
  private final List<ManualExecutor> executors = new ArrayList<>();
  private final boolean[] stopped;
  private final boolean[] dead;

  private TestCluster(Builder builder) {
    this.clock = builder.clock;
    this.lease = builder.lease;
    this.storage = new InMemoryCluster(clock);
    this.stopped = new boolean[builder.nodes];
    this.dead = new boolean[builder.nodes];
    for (int i = 0; i < builder.nodes; i++) {
      ManualExecutor executor = new ManualExecutor();
      FlowEngine.Builder engine =
          FlowEngine.builder()
              .storage(storage.node(nodeId(i), lease))
              .clock(clock)
              .deadlineScheduler(clock)
              .executor(executor)
              .maxRunningFlows(builder.maxRunningFlows)
              .shutdownTimeout(Duration.ofSeconds(5));
      builder.templates.forEach(engine::template);
      executors.add(executor);
      engines.add(engine.build());
    }
    runUntilIdle();
  }

  /** Returns a builder: 2 nodes, a lease of 10 s, 4 running flows per node. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns node {@code index}'s engine. */
  public FlowEngine node(int index) {
    return engines.get(index);
  }

  /** Returns the id node {@code index} has in the cluster: {@code node-<index>}. */
  public static String nodeId(int index) {
    return "node-" + index;
  }

  /** Returns the clock every node and lease runs on. */
  public ManualClock clock() {
    return clock;
  }

  /** Returns the nodes' lease. */
  public Duration lease() {
    return lease;
  }

  /** Returns the shared storage. */
  public InMemoryCluster storage() {
    return storage;
  }

  /** Returns the index of the node that owns {@code flowId} at the moment, if one does. */
  public Optional<Integer> ownerOf(String flowId) {
    return storage.owner(flowId).map(id -> Integer.parseInt(id.substring("node-".length())));
  }

  /**
   * Runs the queued work (flow runs and cluster rounds) of every node that is neither paused nor
   * killed, round-robin, until none has any.
   *
   * @return how many tasks ran
   */
  public int runUntilIdle() {
    int ran = 0;
    boolean any = true;
    while (any) {
      any = false;
      for (int i = 0; i < executors.size(); i++) {
        if (!stopped[i] && executors.get(i).runNext()) {
          any = true;
          ran++;
        }
      }
    }
    return ran;
  }

  /**
   * Runs one queued task of node {@code index} (paused or not), as its process would next.
   *
   * @return false if it had none
   * @throws IllegalStateException if the node was killed
   */
  public boolean runNext(int index) {
    checkState(!dead[index], "node %s was killed", index);
    return executors.get(index).runNext();
  }

  /**
   * Moves the clock forward in steps of a quarter lease at most, running until idle after each, so
   * that the running nodes renew their leases on the way as they would in real time.
   */
  public void advance(Duration duration) {
    checkArgument(!duration.isNegative(), "cannot go back in time: %s", duration);
    Duration step = lease.dividedBy(4);
    Duration left = duration;
    while (!left.isZero()) {
      Duration next = left.compareTo(step) < 0 ? left : step;
      clock.advance(next);
      left = left.minus(next);
      runUntilIdle();
    }
  }

  /** Kills node {@code index}: it never runs again and its storage fails. */
  public void kill(int index) {
    stopped[index] = true;
    dead[index] = true;
    storage.cut(nodeId(index));
  }

  /** Pauses node {@code index}: its work waits, its lease is not renewed, until {@link #resume}. */
  public void pause(int index) {
    checkState(!dead[index], "node %s was killed", index);
    stopped[index] = true;
  }

  /** Lets a paused node run again, then runs until idle. */
  public void resume(int index) {
    checkState(!dead[index], "node %s was killed", index);
    stopped[index] = false;
    runUntilIdle();
  }

  /** Closes every node. */
  @Override
  public void close() {
    for (int i = 0; i < engines.size(); i++) {
      engines.get(i).close();
    }
  }

  /** Sets up a {@link TestCluster}. Not thread-safe. */
  public static final class Builder {
    private int nodes = 2;
    private Duration lease = Duration.ofSeconds(10);
    private int maxRunningFlows = 4;
    private ManualClock clock = new ManualClock();
    private final List<Template> templates = new ArrayList<>();

    private Builder() {}

    /** Sets the number of nodes, 1 to 16. */
    public Builder nodes(int count) {
      checkArgument(count >= 1 && count <= 16, "nodes must be 1 to 16: %s", count);
      this.nodes = count;
      return this;
    }

    /** Sets each node's lease; at least 3 ms, so that a third of it is not zero. */
    public Builder lease(Duration duration) {
      checkArgument(duration.toMillis() >= 3, "lease must be at least 3 ms: %s", duration);
      this.lease = duration;
      return this;
    }

    /** Sets how many flows each node runs at once. */
    public Builder maxRunningFlows(int max) {
      checkArgument(max > 0, "maxRunningFlows must be positive: %s", max);
      this.maxRunningFlows = max;
      return this;
    }

    /** Sets the clock (a new {@link ManualClock} by default). */
    public Builder clock(ManualClock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /** Registers {@code template} on every node. */
    public Builder template(Template template) {
      templates.add(requireNonNull(template, "template"));
      return this;
    }

    /** Starts the nodes. */
    public TestCluster build() {
      return new TestCluster(this);
    }
  }
}
