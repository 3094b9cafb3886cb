package io.flowengine.spring;

import static java.util.Objects.requireNonNull;

import io.flowengine.EngineLoad;
import io.flowengine.FlowEngine;
import io.flowengine.FlowQuery;
import io.flowengine.StorageException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The engine's health, for Actuator's {@code /actuator/health} (as {@code flowengine}): UP when its
 * storage answers a one-flow listing, DOWN with the storage's error when it does not or the engine
 * is closed. The details hold {@code storage} (UP or DOWN) and, from {@link FlowEngine#load()},
 * {@code runningFlows} and {@code queuedFlows}. Thread-safe: each call reads the engine afresh.
 */
public final class FlowEngineHealthIndicator implements HealthIndicator {
  private static final FlowQuery PROBE = FlowQuery.builder().limit(1).build();

  private final FlowEngine engine;

  /**
   * Creates the indicator of {@code engine}.
   *
   * @throws NullPointerException if {@code engine} is null
   */
  public FlowEngineHealthIndicator(FlowEngine engine) {
    this.engine = requireNonNull(engine, "engine");
  }

  @Override
  public Health health() {
    try {
      engine.listFlows(PROBE);
      EngineLoad load = engine.load();
      return Health.up()
          .withDetail("storage", "UP")
          .withDetail("runningFlows", load.runningFlows())
          .withDetail("queuedFlows", load.queuedFlows())
          .build();
    } catch (StorageException | IllegalStateException e) {
      return Health.down(e).withDetail("storage", "DOWN").build();
    }
  }
}
