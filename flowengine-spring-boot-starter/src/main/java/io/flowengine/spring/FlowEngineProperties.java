package io.flowengine.spring;

import io.flowengine.RecoveryPolicy;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code flowengine.*} properties the auto-configured engine is built from. Every value is
 * checked when the properties are bound, so a bad one stops the application at start-up with a
 * message that names the property. Immutable and thread-safe.
 *
 * @param storage where flows, assets and API keys are kept
 * @param maxRunningFlows how many flows may run at once; the others wait in the starting state,
 *     first in first out (the engine's default, 1024, when not set)
 * @param shutdownTimeout how long closing the engine with the application context waits for running
 *     steps to stop
 * @param limits request limits; each one not set keeps the engine's default
 * @param recoveryPolicy what happens to flows a stopped process left running: requeue or fail (the
 *     engine's default, requeue, when not set)
 */
@ConfigurationProperties(FlowEngineProperties.PREFIX)
public record FlowEngineProperties(
    @NestedConfigurationProperty @DefaultValue StorageProperties storage,
    @Nullable Integer maxRunningFlows,
    @DefaultValue("10s") Duration shutdownTimeout,
    @NestedConfigurationProperty @DefaultValue LimitsProperties limits,
    @Nullable RecoveryPolicy recoveryPolicy) {

  /** The prefix of every property here. */
  public static final String PREFIX = "flowengine";

  /**
   * Checks every value.
   *
   * @throws IllegalArgumentException if {@code maxRunningFlows} is not positive or {@code
   *     shutdownTimeout} is negative
   */
  public FlowEngineProperties {
    if (maxRunningFlows != null && maxRunningFlows <= 0) {
      throw new IllegalArgumentException(
          PREFIX + ".max-running-flows must be positive: " + maxRunningFlows);
    }
    if (shutdownTimeout.isNegative()) {
      throw new IllegalArgumentException(
          PREFIX + ".shutdown-timeout must not be negative: " + shutdownTimeout);
    }
  }
}
