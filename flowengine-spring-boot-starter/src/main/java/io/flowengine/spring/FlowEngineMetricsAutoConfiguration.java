package io.flowengine.spring;

import io.flowengine.FlowEngine;
import io.flowengine.micrometer.FlowEngineMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Publishes the engine's meters (engine-micrometer's {@link FlowEngineMetrics}, named in its
 * README) to the application's {@link MeterRegistry}, when engine-micrometer is on the class path
 * and the context has a registry (Actuator's, or the application's own). The metrics are a {@link
 * io.flowengine.spi.FlowObserver} and a {@link io.flowengine.spi.CommitListener}, so {@link
 * FlowEngineAutoConfiguration} gives them to the engine and its durable store; the running and
 * queued gauges are bound once the engine exists. Ordered after Boot's own metrics
 * auto-configuration, which creates the registry. Created by Spring on one thread.
 */
@AutoConfiguration(
    before = FlowEngineAutoConfiguration.class,
    afterName = {
      "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure"
          + ".CompositeMeterRegistryAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple"
          + ".SimpleMetricsExportAutoConfiguration"
    })
@ConditionalOnClass({MeterRegistry.class, FlowEngineMetrics.class})
@ConditionalOnBean(MeterRegistry.class)
public class FlowEngineMetricsAutoConfiguration {
  /** Called by Spring. */
  public FlowEngineMetricsAutoConfiguration() {}

  /** The engine's meters in the context's registry. */
  @Bean
  @ConditionalOnMissingBean
  FlowEngineMetrics flowEngineMetrics(MeterRegistry registry) {
    return new FlowEngineMetrics(registry);
  }

  /** Binds the running and queued gauges to the context's engine, once every bean exists. */
  @Bean
  SmartInitializingSingleton flowEngineLoadGauges(
      FlowEngineMetrics metrics, ObjectProvider<FlowEngine> engine) {
    return () -> engine.ifUnique(metrics::bindLoad);
  }
}
