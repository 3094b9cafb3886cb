package io.flowengine.spring;

import io.flowengine.FlowEngine;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Adds {@link FlowEngineHealthIndicator} (health contributor {@code flowengine}) when Spring Boot's
 * health support is on the class path (Actuator brings it) and the context has a {@link
 * FlowEngine}, the auto-configured one or the application's. {@code
 * management.health.flowengine.enabled=false} turns it off. Created by Spring on one thread.
 */
@AutoConfiguration(after = FlowEngineAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(FlowEngine.class)
@ConditionalOnEnabledHealthIndicator("flowengine")
public class FlowEngineHealthAutoConfiguration {
  /** Called by Spring. */
  public FlowEngineHealthAutoConfiguration() {}

  /** The engine's health indicator. */
  @Bean
  @ConditionalOnMissingBean(name = "flowengineHealthIndicator")
  FlowEngineHealthIndicator flowengineHealthIndicator(FlowEngine engine) {
    return new FlowEngineHealthIndicator(engine);
  }
}
