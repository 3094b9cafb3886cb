package io.flowengine;

import static java.util.Objects.requireNonNull;

import java.io.Serial;

/**
 * A request exceeds a configured size or count limit (see {@link EngineLimits}); nothing was
 * stored. The message gives the limit and the amount that exceeded it. Immutable.
 */
public final class PayloadTooLargeException extends FlowEngineException {
  @Serial private static final long serialVersionUID = 1L;

  /** What exceeded the limit, e.g. {@code "inputs[0]"}. */
  private final String subject;

  /** The configured limit. */
  private final long limit;

  /** The amount, or where reading stopped for streamed content. */
  private final long actual;

  /**
   * Creates the exception for an amount known in full.
   *
   * @param subject what exceeded the limit, e.g. {@code "inputs[0]"}
   * @param unit what is counted, e.g. {@code "bytes"}
   * @param limit the configured limit
   * @param actual the amount
   */
  public PayloadTooLargeException(String subject, String unit, long limit, long actual) {
    this(subject, unit, limit, actual, false);
  }

  private PayloadTooLargeException(
      String subject, String unit, long limit, long actual, boolean stoppedReading) {
    super(
        requireNonNull(subject, "subject")
            + " exceeds the limit of "
            + limit
            + " "
            + requireNonNull(unit, "unit")
            + (stoppedReading ? " (reading stopped at " + actual + ")" : " (got " + actual + ")"));
    this.subject = subject;
    this.limit = limit;
    this.actual = actual;
  }

  /**
   * Creates the exception for streamed content whose reading stopped once {@code read} bytes, more
   * than the limit, had arrived; the full size is unknown.
   */
  public static PayloadTooLargeException whileReading(String subject, long limit, long read) {
    return new PayloadTooLargeException(subject, "bytes", limit, read, true);
  }

  /** Returns what exceeded the limit. */
  public String subject() {
    return subject;
  }

  /** Returns the configured limit. */
  public long limit() {
    return limit;
  }

  /** Returns the amount seen when the limit was exceeded (for streamed content, a lower bound). */
  public long actual() {
    return actual;
  }
}
