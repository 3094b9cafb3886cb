package io.flowengine;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

import io.flowengine.internal.EngineConfig;
import io.flowengine.spi.ContextPropagator;
import io.flowengine.spi.DeadlineScheduler;
import io.flowengine.spi.EngineStorage;
import io.flowengine.spi.FlowObserver;
import io.flowengine.spi.TemplateRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * An embedded flow engine: every {@link FlowOperations} method over all flows, plus waiting,
 * listening and a clean shutdown. Built with {@link #builder()}; by default it keeps everything in
 * memory and runs each flow on its own virtual thread.
 *
 * <pre>{@code
 * try (FlowEngine engine = FlowEngine.builder().template(myTemplate).build()) {
 *   Flow flow = engine.createFlow(NewFlow.builder("my_template")
 *       .input(NewAsset.text("hello")).build());
 *   Flow done = engine.awaitFlow(flow.id()).join();
 * }
 * }</pre>
 *
 * <p>Thread-safe. After {@link #close()} every operation throws {@link IllegalStateException}.
 */
public interface FlowEngine extends FlowOperations, AutoCloseable {

  /** Returns a builder with in-memory storage and a virtual thread per flow. */
  static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the operations of the account {@code apiKey} belongs to: flows created through them
   * belong to that account, listings show only its flows, and another account's flow, input or
   * output is reported exactly as if it did not exist. Verification is cached, but a revoked or
   * expired key is refused at once.
   *
   * @throws AuthenticationException if the key is unknown, malformed, expired or revoked (the
   *     message never says which)
   */
  FlowOperations authenticate(String apiKey);

  /** Returns the API key management of this engine. */
  ApiKeys apiKeys();

  /**
   * Returns a future completed with the flow's snapshot once it is terminal (at once if it already
   * is). It completes exceptionally with {@link NotFoundException} if the flow is deleted
   * meanwhile, and with {@link java.util.concurrent.CancellationException} if the engine closes
   * first. Cancelling the future does not affect the flow.
   *
   * @throws NotFoundException if the flow does not exist
   */
  CompletableFuture<Flow> awaitFlow(String flowId);

  /** Adds a listener of every flow's changes; see {@link FlowListener}. */
  ListenerRegistration addListener(FlowListener listener);

  /**
   * Deletes flows that reached a terminal state more than {@code age} ago, with their inputs and
   * outputs, in batches, so running work is never blocked for long.
   *
   * @return how many flows were deleted
   * @throws IllegalArgumentException if {@code age} is negative
   */
  int purgeFinishedFlows(Duration age);

  /**
   * Returns how many flows this engine runs now and how many wait for a free slot ({@code
   * starting}). A moment's reading, for gauges and health checks.
   */
  EngineLoad load();

  /** Returns the template registry, where templates can be registered at run time. */
  TemplateRegistry templates();

  /**
   * Stops the engine: refuses new calls, interrupts running steps and waits (up to the shutdown
   * timeout) for every engine thread to end, then closes the storage. Flows interrupted this way
   * keep their state, so an engine on durable storage recovers them when it next starts.
   * Idempotent.
   */
  @Override
  void close();

  /**
   * Configures and builds a {@link FlowEngine}. Each option may be set once; setters check their
   * argument at once and {@link #build()} checks the combination. Not thread-safe.
   */
  final class Builder {
    private final List<Template> templates = new ArrayList<>();
    private final List<FlowListener> listeners = new ArrayList<>();
    private final List<FlowObserver> observers = new ArrayList<>();
    private final List<ContextPropagator<?>> contextPropagators = new ArrayList<>();
    private @Nullable TemplateRegistry registry;
    private @Nullable EngineStorage storage;
    private @Nullable Executor executor;
    private @Nullable Clock clock;
    private @Nullable DeadlineScheduler deadlineScheduler;
    private @Nullable EngineLimits limits;
    private @Nullable Integer maxRunningFlows;
    private @Nullable Duration shutdownTimeout;
    private @Nullable RecoveryPolicy recoveryPolicy;

    private Builder() {}

    /** Registers a template in the engine's registry when it is built. */
    public Builder template(Template template) {
      templates.add(requireNonNull(template, "template"));
      return this;
    }

    /** Uses {@code registry} instead of an in-memory one; {@link #template}s are added to it. */
    public Builder templates(TemplateRegistry registry) {
      checkState(this.registry == null, "templates was already set to %s", this.registry);
      this.registry = requireNonNull(registry, "registry");
      return this;
    }

    /** Keeps flows and assets in {@code storage} (in memory by default); the engine closes it. */
    public Builder storage(EngineStorage storage) {
      checkState(this.storage == null, "storage was already set to %s", this.storage);
      this.storage = requireNonNull(storage, "storage");
      return this;
    }

    /**
     * Runs flows on {@code executor} instead of a new virtual thread each. The engine does not shut
     * it down. The executor may refuse a flow ({@link
     * java.util.concurrent.RejectedExecutionException}, e.g. a bounded pool's {@code AbortPolicy}):
     * the flow then stays {@link FlowState#STARTING} at the head of the queue and is offered again
     * when one of the engine's tasks on the executor ends, or after a back-off (1 ms, doubling up
     * to 200 ms) on the {@linkplain #deadlineScheduler deadline scheduler}; it can be aborted while
     * it waits, and then ends {@link FlowState#ABORTED}. In cluster mode the node's rounds run on
     * it too; a refused round is made up by the next heartbeat.
     */
    public Builder executor(Executor executor) {
      checkState(this.executor == null, "executor was already set to %s", this.executor);
      this.executor = requireNonNull(executor, "executor");
      return this;
    }

    /** Takes time from {@code clock} (the system UTC clock by default). */
    public Builder clock(Clock clock) {
      checkState(this.clock == null, "clock was already set to %s", this.clock);
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /** Fires flow timeouts with {@code scheduler} (a timer thread by default). */
    public Builder deadlineScheduler(DeadlineScheduler scheduler) {
      checkState(
          this.deadlineScheduler == null,
          "deadlineScheduler was already set to %s",
          this.deadlineScheduler);
      this.deadlineScheduler = requireNonNull(scheduler, "scheduler");
      return this;
    }

    /** Sets the request limits ({@link EngineLimits#defaults()} by default). */
    public Builder limits(EngineLimits limits) {
      checkState(this.limits == null, "limits was already set to %s", this.limits);
      this.limits = requireNonNull(limits, "limits");
      return this;
    }

    /**
     * Sets how many flows may run at once (default 1024); the others wait {@link
     * FlowState#STARTING}, first in first out.
     *
     * @throws IllegalArgumentException if {@code max} is not positive
     */
    public Builder maxRunningFlows(int max) {
      checkState(
          this.maxRunningFlows == null,
          "maxRunningFlows was already set to %s",
          this.maxRunningFlows);
      checkArgument(max > 0, "maxRunningFlows must be positive: %s", max);
      this.maxRunningFlows = max;
      return this;
    }

    /**
     * Sets how long {@link FlowEngine#close()} waits for running steps to stop (default 10 s).
     *
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public Builder shutdownTimeout(Duration timeout) {
      checkState(
          this.shutdownTimeout == null,
          "shutdownTimeout was already set to %s",
          this.shutdownTimeout);
      checkArgument(!timeout.isNegative(), "shutdownTimeout must not be negative: %s", timeout);
      this.shutdownTimeout = timeout;
      return this;
    }

    /**
     * Sets what happens to flows a stopped process left running ({@link RecoveryPolicy#REQUEUE}).
     */
    public Builder recoveryPolicy(RecoveryPolicy policy) {
      checkState(
          this.recoveryPolicy == null, "recoveryPolicy was already set to %s", this.recoveryPolicy);
      this.recoveryPolicy = requireNonNull(policy, "policy");
      return this;
    }

    /** Adds a listener from the start, so it also sees recovery. */
    public Builder listener(FlowListener listener) {
      listeners.add(requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Adds an observer of flows, runs and steps (metrics, tracing); see {@link FlowObserver}.
     * Observers are called in the order they were added, and their scopes close in reverse.
     */
    public Builder observer(FlowObserver observer) {
      observers.add(requireNonNull(observer, "observer"));
      return this;
    }

    /**
     * Adds a carrier of callers' thread context onto flows' threads; see {@link ContextPropagator}.
     * The caller's SLF4J MDC is always carried; propagators added here are attached after it, in
     * the order they were added.
     */
    public Builder contextPropagator(ContextPropagator<?> propagator) {
      contextPropagators.add(requireNonNull(propagator, "propagator"));
      return this;
    }

    /**
     * Builds and starts the engine, then recovers flows a stopped process left unfinished.
     *
     * @throws IllegalArgumentException if a template conflicts with another
     * @throws StorageException if the storage cannot be read for recovery
     */
    public FlowEngine build() {
      // The API's one way into the implementation: see EngineConfig.
      return new EngineConfig(
              registry,
              templates,
              storage,
              executor,
              clock,
              deadlineScheduler,
              limits,
              maxRunningFlows,
              shutdownTimeout,
              recoveryPolicy,
              listeners,
              observers,
              contextPropagators)
          .start();
    }
  }
}
