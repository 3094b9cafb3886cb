package io.flowengine.micrometer;

import static java.util.Objects.requireNonNull;

import io.flowengine.AssetRole;
import io.flowengine.Flow;
import io.flowengine.FlowEngine;
import io.flowengine.FlowState;
import io.flowengine.spi.CommitListener;
import io.flowengine.spi.FlowObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Publishes a flow engine's metrics to a Micrometer {@link MeterRegistry}. It is a {@link
 * FlowObserver} (register it with {@code FlowEngine.builder().observer(metrics)}) and a {@link
 * CommitListener} (give it to a durable store's {@code commitListener(metrics)}); {@link
 * #bindLoad(FlowEngine)} adds the gauges of the engine's running and queued flows.
 *
 * <p>Every meter is named in {@link MeterNames}; the module's README lists them with their tags.
 * Flows are tagged {@code template} (the template's name; templates are few, so the tag stays
 * bounded) and, where they ended, {@code outcome} ({@code completed}, {@code failed}, {@code
 * aborted}). Timers publish the 50th, 95th and 99th percentiles and a histogram.
 *
 * <p>Thread-safe: the engine calls it from every flow's thread at once.
 */
public final class FlowEngineMetrics implements FlowObserver, CommitListener {
  private static final double[] PERCENTILES = {0.5, 0.95, 0.99};

  private final MeterRegistry registry;
  private final Counter inputBytes;
  private final Counter outputBytes;
  private final Timer commitTime;
  private final DistributionSummary commitChanges;
  private final DistributionSummary commitStatements;

  /**
   * Creates the metrics of one engine in {@code registry}.
   *
   * @throws NullPointerException if {@code registry} is null
   */
  public FlowEngineMetrics(MeterRegistry registry) {
    this.registry = requireNonNull(registry, "registry");
    this.inputBytes =
        Counter.builder(MeterNames.INPUT_BYTES)
            .baseUnit("bytes")
            .description("bytes of flow inputs stored")
            .register(registry);
    this.outputBytes =
        Counter.builder(MeterNames.OUTPUT_BYTES)
            .baseUnit("bytes")
            .description("bytes of flow outputs stored")
            .register(registry);
    this.commitTime =
        Timer.builder(MeterNames.COMMIT_TIME)
            .description("a durable store's grouped commit, from taking the batch to committing")
            .publishPercentiles(PERCENTILES)
            .publishPercentileHistogram()
            .register(registry);
    this.commitChanges =
        DistributionSummary.builder(MeterNames.COMMIT_CHANGES)
            .baseUnit("changes")
            .description("changes one grouped commit acknowledged")
            .publishPercentiles(PERCENTILES)
            .register(registry);
    this.commitStatements =
        DistributionSummary.builder(MeterNames.COMMIT_STATEMENTS)
            .baseUnit("statements")
            .description("statements one grouped commit executed, after coalescing")
            .register(registry);
  }

  /**
   * Adds the gauges {@value MeterNames#RUNNING} and {@value MeterNames#QUEUED}, read from {@link
   * FlowEngine#load()}. The gauges keep only a weak reference to the engine.
   *
   * @return this, for chaining
   * @throws NullPointerException if {@code engine} is null
   */
  public FlowEngineMetrics bindLoad(FlowEngine engine) {
    requireNonNull(engine, "engine");
    Gauge.builder(MeterNames.RUNNING, engine, e -> e.load().runningFlows())
        .description("flows running now")
        .register(registry);
    Gauge.builder(MeterNames.QUEUED, engine, e -> e.load().queuedFlows())
        .description("flows waiting starting for a free slot")
        .register(registry);
    return this;
  }

  @Override
  public void flowCreated(Flow flow) {
    registry.counter(MeterNames.CREATED, MeterNames.TEMPLATE, flow.templateName()).increment();
  }

  @Override
  public void flowRunning(Flow flow, Duration queued) {
    Timer.builder(MeterNames.QUEUED_TIME)
        .description("time flows waited starting, until they ran")
        .tag(MeterNames.TEMPLATE, flow.templateName())
        .publishPercentiles(PERCENTILES)
        .publishPercentileHistogram()
        .register(registry)
        .record(queued);
  }

  @Override
  public void flowFinished(Flow flow, @Nullable Duration running) {
    FlowState state = flow.state();
    String outcome = state.wireName();
    Tags tags = Tags.of(MeterNames.TEMPLATE, flow.templateName(), MeterNames.OUTCOME, outcome);
    String name =
        switch (state) {
          case COMPLETED -> MeterNames.COMPLETED;
          case FAILED -> MeterNames.FAILED;
          default -> MeterNames.ABORTED;
        };
    registry.counter(name, tags).increment();
    if (running != null) {
      Timer.builder(MeterNames.RUN_TIME)
          .description("time flows ran, from running to their outcome")
          .tags(tags)
          .publishPercentiles(PERCENTILES)
          .publishPercentileHistogram()
          .register(registry)
          .record(running);
    }
  }

  @Override
  public void assetStored(String flowId, AssetRole role, long bytes) {
    (role == AssetRole.INPUT ? inputBytes : outputBytes).increment((double) bytes);
  }

  @Override
  public void committed(int changes, int statements, long nanos) {
    commitTime.record(nanos, TimeUnit.NANOSECONDS);
    commitChanges.record(changes);
    commitStatements.record(statements);
  }

  @Override
  public String toString() {
    return "FlowEngineMetrics["
        + registry.getClass().getSimpleName().toLowerCase(Locale.ROOT)
        + "]";
  }
}
