package io.flowengine.internal;

import com.google.common.collect.ImmutableList;
import io.flowengine.EngineLimits;
import io.flowengine.FlowEngine;
import io.flowengine.FlowListener;
import io.flowengine.RecoveryPolicy;
import io.flowengine.Template;
import io.flowengine.spi.ContextPropagator;
import io.flowengine.spi.DeadlineScheduler;
import io.flowengine.spi.EngineStorage;
import io.flowengine.spi.FlowObserver;
import io.flowengine.spi.TemplateRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * The immutable snapshot of a {@link io.flowengine.FlowEngine.Builder}, with defaults filled in for
 * everything but the executor and deadline scheduler (null means the engine creates and owns its
 * own), and the way in to the engine it configures: {@link #start()}. Thread-safe.
 *
 * <p>This is the one bridge from the API into {@code internal}: {@code FlowEngine.Builder.build()}
 * hands its options here and gets the running engine back. The builder must reach the
 * implementation somewhere, and doing it through this one public type (its constructor and {@code
 * start()}) keeps every other internal class package-private or out of the API's imports. {@code
 * PackageBoundaryTest} allows this dependency and no other from the API.
 */
public record EngineConfig(
    TemplateRegistry registry,
    List<Template> templates,
    EngineStorage storage,
    @Nullable Executor executor,
    Clock clock,
    @Nullable DeadlineScheduler deadlineScheduler,
    EngineLimits limits,
    Integer maxRunningFlows,
    Duration shutdownTimeout,
    RecoveryPolicy recoveryPolicy,
    List<FlowListener> listeners,
    List<FlowObserver> observers,
    List<ContextPropagator<?>> contextPropagators) {

  /** Flows that may run at once unless the builder sets another bound. */
  public static final int DEFAULT_MAX_RUNNING = 1024;

  /** Fills in defaults for every option the builder left unset. */
  public EngineConfig(
      @Nullable TemplateRegistry registry,
      List<Template> templates,
      @Nullable EngineStorage storage,
      @Nullable Executor executor,
      @Nullable Clock clock,
      @Nullable DeadlineScheduler deadlineScheduler,
      @Nullable EngineLimits limits,
      @Nullable Integer maxRunningFlows,
      @Nullable Duration shutdownTimeout,
      @Nullable RecoveryPolicy recoveryPolicy,
      List<FlowListener> listeners,
      List<FlowObserver> observers,
      List<ContextPropagator<?>> contextPropagators) {
    this.registry = registry != null ? registry : TemplateRegistry.inMemory();
    this.templates = ImmutableList.copyOf(templates);
    this.storage = storage != null ? storage : EngineStorage.inMemory();
    this.executor = executor;
    this.clock = clock != null ? clock : Clock.systemUTC();
    this.deadlineScheduler = deadlineScheduler;
    this.limits = limits != null ? limits : EngineLimits.defaults();
    this.maxRunningFlows = maxRunningFlows != null ? maxRunningFlows : DEFAULT_MAX_RUNNING;
    this.shutdownTimeout = shutdownTimeout != null ? shutdownTimeout : Duration.ofSeconds(10);
    this.recoveryPolicy = recoveryPolicy != null ? recoveryPolicy : RecoveryPolicy.REQUEUE;
    this.listeners = ImmutableList.copyOf(listeners);
    this.observers = ImmutableList.copyOf(observers);
    this.contextPropagators = ImmutableList.copyOf(contextPropagators);
  }

  /**
   * Builds the engine, registers the templates and recovers flows a stopped process left
   * unfinished.
   *
   * @throws IllegalArgumentException if a template conflicts with another
   * @throws io.flowengine.StorageException if the storage cannot be read for recovery
   */
  public FlowEngine start() {
    return DefaultFlowEngine.start(this);
  }
}
