package io.flowengine;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Size and count limits the engine enforces on requests. A request over a limit fails with {@link
 * PayloadTooLargeException} and stores nothing. {@link #defaults()} are safe for a host serving
 * untrusted callers; raise them for large assets (the engine streams content, so a limit of several
 * GiB costs no memory). Immutable and thread-safe.
 *
 * @param maxInputBytes largest input asset, in bytes (default 64 MiB)
 * @param maxInputsPerFlow most inputs one flow may have (default 32)
 * @param maxAdditionalBytes largest {@code additional} user data of a flow or asset, in UTF-8 bytes
 *     (default 64 KiB)
 * @param maxParameters most parameters one request may give (default 64)
 * @param maxParameterStringLength longest string parameter value, in characters (default 4096)
 * @param maxOutputBytes largest output a step may write, in bytes (default 1 GiB)
 * @param maxInMemoryBytes largest asset {@link AssetContent#bytes()} and {@link
 *     AssetContent#toDataUri()} will hold in memory (default 256 MiB)
 * @param maxUnfinishedFlowsPerAccount most flows an account may have that are not terminal (default
 *     1000); applies to flows created through {@link FlowEngine#authenticate}
 * @param maxStoredBytesPerAccount most bytes of inputs and outputs an account may have stored
 *     (default 10 GiB); an output that would exceed it fails its flow
 */
public record EngineLimits(
    long maxInputBytes,
    int maxInputsPerFlow,
    int maxAdditionalBytes,
    int maxParameters,
    int maxParameterStringLength,
    long maxOutputBytes,
    long maxInMemoryBytes,
    int maxUnfinishedFlowsPerAccount,
    long maxStoredBytesPerAccount) {

  private static final EngineLimits DEFAULTS =
      new EngineLimits(64L << 20, 32, 64 << 10, 64, 4096, 1L << 30, 256L << 20, 1000, 10L << 30);

  /**
   * Checks every limit is positive.
   *
   * @throws IllegalArgumentException if a limit is zero or negative
   */
  public EngineLimits {
    checkArgument(maxInputBytes > 0, "maxInputBytes must be positive: %s", maxInputBytes);
    checkArgument(maxInputsPerFlow > 0, "maxInputsPerFlow must be positive: %s", maxInputsPerFlow);
    checkArgument(
        maxAdditionalBytes > 0, "maxAdditionalBytes must be positive: %s", maxAdditionalBytes);
    checkArgument(maxParameters > 0, "maxParameters must be positive: %s", maxParameters);
    checkArgument(
        maxParameterStringLength > 0,
        "maxParameterStringLength must be positive: %s",
        maxParameterStringLength);
    checkArgument(maxOutputBytes > 0, "maxOutputBytes must be positive: %s", maxOutputBytes);
    checkArgument(maxInMemoryBytes > 0, "maxInMemoryBytes must be positive: %s", maxInMemoryBytes);
    checkArgument(
        maxUnfinishedFlowsPerAccount > 0,
        "maxUnfinishedFlowsPerAccount must be positive: %s",
        maxUnfinishedFlowsPerAccount);
    checkArgument(
        maxStoredBytesPerAccount > 0,
        "maxStoredBytesPerAccount must be positive: %s",
        maxStoredBytesPerAccount);
  }

  /** Returns the default limits listed on each component. */
  public static EngineLimits defaults() {
    return DEFAULTS;
  }

  /** Returns a builder starting from the defaults. */
  public static Builder builder() {
    return new Builder(DEFAULTS);
  }

  /** Returns a builder starting from these limits. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link EngineLimits}; each value is checked by {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private long maxInputBytes;
    private int maxInputsPerFlow;
    private int maxAdditionalBytes;
    private int maxParameters;
    private int maxParameterStringLength;
    private long maxOutputBytes;
    private long maxInMemoryBytes;
    private int maxUnfinishedFlowsPerAccount;
    private long maxStoredBytesPerAccount;

    private Builder(EngineLimits from) {
      maxInputBytes = from.maxInputBytes;
      maxInputsPerFlow = from.maxInputsPerFlow;
      maxAdditionalBytes = from.maxAdditionalBytes;
      maxParameters = from.maxParameters;
      maxParameterStringLength = from.maxParameterStringLength;
      maxOutputBytes = from.maxOutputBytes;
      maxInMemoryBytes = from.maxInMemoryBytes;
      maxUnfinishedFlowsPerAccount = from.maxUnfinishedFlowsPerAccount;
      maxStoredBytesPerAccount = from.maxStoredBytesPerAccount;
    }

    /** Sets {@link EngineLimits#maxInputBytes}. */
    public Builder maxInputBytes(long value) {
      maxInputBytes = value;
      return this;
    }

    /** Sets {@link EngineLimits#maxInputsPerFlow}. */
    public Builder maxInputsPerFlow(int value) {
      maxInputsPerFlow = value;
      return this;
    }

    /** Sets {@link EngineLimits#maxAdditionalBytes}. */
    public Builder maxAdditionalBytes(int value) {
      maxAdditionalBytes = value;
      return this;
    }

    /** Sets {@link EngineLimits#maxParameters}. */
    public Builder maxParameters(int value) {
      maxParameters = value;
      return this;
    }

    /** Sets {@link EngineLimits#maxParameterStringLength}. */
    public Builder maxParameterStringLength(int value) {
      maxParameterStringLength = value;
      return this;
    }

    /** Sets {@link EngineLimits#maxOutputBytes}. */
    public Builder maxOutputBytes(long value) {
      maxOutputBytes = value;
      return this;
    }

    /** Sets {@link EngineLimits#maxInMemoryBytes}. */
    public Builder maxInMemoryBytes(long value) {
      maxInMemoryBytes = value;
      return this;
    }

    /** Sets {@link EngineLimits#maxUnfinishedFlowsPerAccount}. */
    public Builder maxUnfinishedFlowsPerAccount(int value) {
      maxUnfinishedFlowsPerAccount = value;
      return this;
    }

    /** Sets {@link EngineLimits#maxStoredBytesPerAccount}. */
    public Builder maxStoredBytesPerAccount(long value) {
      maxStoredBytesPerAccount = value;
      return this;
    }

    /**
     * Returns the limits.
     *
     * @throws IllegalArgumentException if a limit is zero or negative
     */
    public EngineLimits build() {
      return new EngineLimits(
          maxInputBytes,
          maxInputsPerFlow,
          maxAdditionalBytes,
          maxParameters,
          maxParameterStringLength,
          maxOutputBytes,
          maxInMemoryBytes,
          maxUnfinishedFlowsPerAccount,
          maxStoredBytesPerAccount);
    }
  }
}
