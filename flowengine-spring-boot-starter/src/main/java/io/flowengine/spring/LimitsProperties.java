package io.flowengine.spring;

import io.flowengine.EngineLimits;
import org.jspecify.annotations.Nullable;
import org.springframework.util.unit.DataSize;

/**
 * {@code flowengine.limits.*}: the engine's request limits ({@link EngineLimits}); each one not set
 * keeps {@link EngineLimits#defaults()}. Sizes take a unit ({@code 64MB}, {@code 10GB}; bytes
 * without one). Immutable and thread-safe.
 *
 * @param maxInputSize largest input asset (default 64MB)
 * @param maxInputsPerFlow most inputs one flow may have (default 32)
 * @param maxAdditionalSize largest additional user data of a flow or asset, in UTF-8 (default 64KB)
 * @param maxParameters most parameters one request may give (default 64)
 * @param maxParameterStringLength longest string parameter value, in characters (default 4096)
 * @param maxOutputSize largest output a step may write (default 1GB)
 * @param maxInMemorySize largest asset content the engine holds in memory for bytes() and
 *     toDataUri() (default 256MB)
 * @param maxUnfinishedFlowsPerAccount most flows an account may have that are not terminal (default
 *     1000)
 * @param maxStoredSizePerAccount most bytes of inputs and outputs an account may have stored
 *     (default 10GB)
 */
public record LimitsProperties(
    @Nullable DataSize maxInputSize,
    @Nullable Integer maxInputsPerFlow,
    @Nullable DataSize maxAdditionalSize,
    @Nullable Integer maxParameters,
    @Nullable Integer maxParameterStringLength,
    @Nullable DataSize maxOutputSize,
    @Nullable DataSize maxInMemorySize,
    @Nullable Integer maxUnfinishedFlowsPerAccount,
    @Nullable DataSize maxStoredSizePerAccount) {
  private static final String PREFIX = FlowEngineProperties.PREFIX + ".limits.";

  /**
   * Checks every limit that is set.
   *
   * @throws IllegalArgumentException if a limit is zero or negative, or a size that must fit an int
   *     does not
   */
  public LimitsProperties {
    positive("max-input-size", bytes(maxInputSize));
    positive("max-inputs-per-flow", maxInputsPerFlow);
    positive("max-additional-size", bytes(maxAdditionalSize));
    if (maxAdditionalSize != null && maxAdditionalSize.toBytes() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          PREFIX + "max-additional-size must be below 2GB: " + maxAdditionalSize);
    }
    positive("max-parameters", maxParameters);
    positive("max-parameter-string-length", maxParameterStringLength);
    positive("max-output-size", bytes(maxOutputSize));
    positive("max-in-memory-size", bytes(maxInMemorySize));
    positive("max-unfinished-flows-per-account", maxUnfinishedFlowsPerAccount);
    positive("max-stored-size-per-account", bytes(maxStoredSizePerAccount));
  }

  /** Returns {@link EngineLimits#defaults()} with the limits set here in place. */
  public EngineLimits toEngineLimits() {
    EngineLimits.Builder limits = EngineLimits.defaults().toBuilder();
    if (maxInputSize != null) {
      limits.maxInputBytes(maxInputSize.toBytes());
    }
    if (maxInputsPerFlow != null) {
      limits.maxInputsPerFlow(maxInputsPerFlow);
    }
    if (maxAdditionalSize != null) {
      limits.maxAdditionalBytes(Math.toIntExact(maxAdditionalSize.toBytes()));
    }
    if (maxParameters != null) {
      limits.maxParameters(maxParameters);
    }
    if (maxParameterStringLength != null) {
      limits.maxParameterStringLength(maxParameterStringLength);
    }
    if (maxOutputSize != null) {
      limits.maxOutputBytes(maxOutputSize.toBytes());
    }
    if (maxInMemorySize != null) {
      limits.maxInMemoryBytes(maxInMemorySize.toBytes());
    }
    if (maxUnfinishedFlowsPerAccount != null) {
      limits.maxUnfinishedFlowsPerAccount(maxUnfinishedFlowsPerAccount);
    }
    if (maxStoredSizePerAccount != null) {
      limits.maxStoredBytesPerAccount(maxStoredSizePerAccount.toBytes());
    }
    return limits.build();
  }

  private static @Nullable Long bytes(@Nullable DataSize size) {
    return size == null ? null : size.toBytes();
  }

  private static void positive(String name, @Nullable Number value) {
    if (value != null && value.longValue() <= 0) {
      throw new IllegalArgumentException(PREFIX + name + " must be positive: " + value);
    }
  }
}
