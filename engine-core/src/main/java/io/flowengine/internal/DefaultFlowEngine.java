package io.flowengine.internal;

import static java.util.Objects.requireNonNull;

import io.flowengine.ApiKeys;
import io.flowengine.Asset;
import io.flowengine.AssetContent;
import io.flowengine.CreateFlowResult;
import io.flowengine.EngineLoad;
import io.flowengine.Flow;
import io.flowengine.FlowEngine;
import io.flowengine.FlowHistory;
import io.flowengine.FlowListener;
import io.flowengine.FlowOperations;
import io.flowengine.FlowPage;
import io.flowengine.FlowQuery;
import io.flowengine.ListenerRegistration;
import io.flowengine.NewAsset;
import io.flowengine.NewFlow;
import io.flowengine.Template;
import io.flowengine.spi.ContextPropagator;
import io.flowengine.spi.DeadlineScheduler;
import io.flowengine.spi.FlowRecord;
import io.flowengine.spi.TemplateRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link FlowEngine}: wires stores, state machine, runner and listeners from an {@link
 * EngineConfig}, serves the operations over every flow, and shuts everything down on close.
 * Thread-safe.
 */
final class DefaultFlowEngine implements FlowEngine {
  private static final Logger log = LoggerFactory.getLogger(DefaultFlowEngine.class);

  private final EngineConfig config;
  private final EngineContext ctx;
  private final FlowRunner runner;
  private final ListenerBus listeners;
  private final FlowWaiters waiters;
  private final FlowCommands flowCommands;
  private final AssetCommands assetCommands;
  private final FlowOperations all;
  private final ApiKeyService apiKeys;
  private final @Nullable ClusterNode cluster;

  private DefaultFlowEngine(
      EngineConfig config,
      EngineContext ctx,
      FlowRunner runner,
      ListenerBus listeners,
      FlowWaiters waiters,
      @Nullable ClusterNode cluster,
      DelayedRuns delayed) {
    this.config = config;
    this.ctx = ctx;
    this.runner = runner;
    this.listeners = listeners;
    this.waiters = waiters;
    this.cluster = cluster;
    InputIngest ingest = new InputIngest(ctx);
    this.flowCommands = new FlowCommands(ctx, runner, ingest, cluster, delayed);
    this.assetCommands = new AssetCommands(ctx, ingest);
    this.all = new ScopedFlowOperations(ctx, Scope.ALL, flowCommands, assetCommands);
    this.apiKeys = new ApiKeyService(config.storage().apiKeys(), ctx.stateMachine(), ctx.ids());
  }

  /** Builds the engine from {@code config}, registers its templates and recovers flows. */
  static FlowEngine start(EngineConfig config) {
    ObserverBus observers = new ObserverBus(config.observers(), config.clock());
    List<FlowListener> initial = new ArrayList<>();
    if (!observers.isEmpty()) {
      initial.add(observers); // first, so the others' time does not count in its durations
    }
    initial.addAll(config.listeners());
    ListenerBus listeners = new ListenerBus(initial);
    List<ContextPropagator<?>> propagators = new ArrayList<>();
    propagators.add(new MdcPropagator());
    propagators.addAll(config.contextPropagators());
    FlowWaiters waiters = new FlowWaiters();
    var storage = config.storage();
    FlowStateMachine machine =
        new FlowStateMachine(storage.flows(), listeners, waiters, config.clock());
    DeadlineScheduler deadlines =
        config.deadlineScheduler() != null
            ? config.deadlineScheduler()
            : new TimerDeadlineScheduler(config.clock());
    EngineContext ctx =
        new EngineContext(
            storage.flows(),
            storage.assets(),
            config.registry(),
            machine,
            new IdGenerator(),
            config.limits(),
            config.clock(),
            deadlines,
            new AssetWriter(storage, observers),
            new EngineLifecycle(),
            observers,
            new CarriedContexts(propagators));
    DelayedRuns delayed = new DelayedRuns(deadlines, machine);
    FlowExecution execution = new FlowExecution(ctx, delayed);
    FlowRunner runner =
        new FlowRunner(
            config.executor(),
            config.maxRunningFlows(),
            execution,
            deadlines,
            ctx.stateMachine()::now);
    ClusterNode cluster =
        storage
            .cluster()
            .map(
                store ->
                    new ClusterNode(
                        store,
                        ctx,
                        runner,
                        waiters,
                        config.executor() != null ? config.executor() : ClusterRounds.executor(),
                        config.recoveryPolicy(),
                        config.maxRunningFlows(),
                        delayed,
                        execution::isSettling))
            .orElse(null);
    if (cluster != null) {
      delayed.bind(id -> cluster.wake(), runner::submit);
    } else {
      delayed.bind(runner::submit, runner::submit);
    }
    DefaultFlowEngine engine =
        new DefaultFlowEngine(config, ctx, runner, listeners, waiters, cluster, delayed);
    try {
      config.templates().forEach(config.registry()::register);
      if (cluster != null) {
        cluster.start(); // takes over only what lost nodes left; the others' flows are theirs
      } else {
        Recovery.run(ctx, delayed, config.recoveryPolicy());
      }
    } catch (RuntimeException e) {
      engine.close();
      throw e;
    }
    return engine;
  }

  @Override
  public FlowOperations authenticate(String apiKey) {
    requireNonNull(apiKey, "apiKey");
    ctx.lifecycle().ensureOpen();
    String accountId = apiKeys.authenticate(apiKey);
    return new ScopedFlowOperations(ctx, new Scope(accountId), flowCommands, assetCommands);
  }

  @Override
  public ApiKeys apiKeys() {
    ctx.lifecycle().ensureOpen();
    return apiKeys;
  }

  @Override
  public CompletableFuture<Flow> awaitFlow(String flowId) {
    requireNonNull(flowId, "flowId");
    ctx.lifecycle().ensureOpen();
    Scope.requireNonBlank(flowId, "flowId");
    CompletableFuture<Flow> waiter = waiters.register(flowId);
    FlowRecord current;
    try {
      current = Scope.ALL.require(ctx.flows(), flowId);
    } catch (RuntimeException e) {
      waiters.deleted(flowId);
      throw e;
    }
    if (current.state().isTerminal()) {
      ctx.stateMachine().writes().terminalFound(current); // after the listeners heard of it
    }
    return waiter;
  }

  @Override
  public ListenerRegistration addListener(FlowListener listener) {
    requireNonNull(listener, "listener");
    ctx.lifecycle().ensureOpen();
    return listeners.add(listener);
  }

  @Override
  public int purgeFinishedFlows(Duration age) {
    requireNonNull(age, "age");
    ctx.lifecycle().ensureOpen();
    if (age.isNegative()) {
      throw new IllegalArgumentException("age must not be negative: " + age);
    }
    return Retention.purge(ctx, ctx.stateMachine().now().minus(age));
  }

  /** Returns how many flows have changes waiting for delivery to listeners (for tests). */
  int pendingDeliveries() {
    return ctx.stateMachine().writes().pendingDeliveries();
  }

  @Override
  public EngineLoad load() {
    return runner.load();
  }

  @Override
  public TemplateRegistry templates() {
    return ctx.templates();
  }

  @Override
  public void close() {
    if (!ctx.lifecycle().close()) {
      return;
    }
    boolean interrupted = false;
    if (cluster != null) {
      cluster.stop();
    }
    try {
      if (!runner.shutdown(config.shutdownTimeout())) {
        log.warn(
            "flows still running {} after close began; they are left as they are",
            config.shutdownTimeout());
      }
    } catch (InterruptedException e) {
      interrupted = true;
    }
    if (cluster != null) {
      cluster.leave();
    }
    ctx.deadlines().shutdown();
    waiters.cancelAll();
    config.storage().close();
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public List<Template> listTemplates() {
    return all.listTemplates();
  }

  @Override
  public Template getTemplate(String idOrName) {
    return all.getTemplate(idOrName);
  }

  @Override
  public FlowPage listFlows(FlowQuery query) {
    return all.listFlows(query);
  }

  @Override
  public Flow createFlow(NewFlow request) {
    return all.createFlow(request);
  }

  @Override
  public List<CreateFlowResult> createFlows(List<NewFlow> requests) {
    return all.createFlows(requests);
  }

  @Override
  public Flow getFlow(String flowId) {
    return all.getFlow(flowId);
  }

  @Override
  public Flow startFlow(String flowId) {
    return all.startFlow(flowId);
  }

  @Override
  public CreateFlowResult.Created createFlowIdempotently(NewFlow request) {
    return all.createFlowIdempotently(request);
  }

  @Override
  public Flow startFlow(String flowId, Instant at) {
    return all.startFlow(flowId, at);
  }

  @Override
  public FlowHistory history(String flowId) {
    return all.history(flowId);
  }

  @Override
  public Flow abortFlow(String flowId) {
    return all.abortFlow(flowId);
  }

  @Override
  public void deleteFlow(String flowId) {
    all.deleteFlow(flowId);
  }

  @Override
  public List<Asset> listInputs(String flowId) {
    return all.listInputs(flowId);
  }

  @Override
  public Asset addInput(String flowId, NewAsset input) {
    return all.addInput(flowId, input);
  }

  @Override
  public AssetContent getInput(String flowId, String assetId) {
    return all.getInput(flowId, assetId);
  }

  @Override
  public List<Asset> listOutputs(String flowId) {
    return all.listOutputs(flowId);
  }

  @Override
  public AssetContent getOutput(String flowId, String assetId) {
    return all.getOutput(flowId, assetId);
  }
}
