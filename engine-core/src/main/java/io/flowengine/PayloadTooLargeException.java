package io.flowengine;

import static java.util.Objects.requireNonNull;

import java.io.Serial;

/**
 * A request exceeds a configured size or count limit (see {@link EngineLimits}); nothing was
 * stored. The message gives the limit and the amount that exceeded it. Immutable.
 */
public final class PayloadTooLargeException extends FlowEngineException {
  @Serial private static final long serialVersionUID = 1L;

  private final String subject;
  private final long limit;
  private final long actual;

  /**
   * Creates the exception.
   *
   * @param subject what exceeded the limit, e.g. {@code "input inputs[0]"}
   * @param unit what is counted, e.g. {@code "bytes"}
   * @param limit the configured limit
   * @param actual the amount seen; when content is streamed this is the first amount past the
   *     limit, not the full size
   */
  public PayloadTooLargeException(String subject, String unit, long limit, long actual) {
    super(
        requireNonNull(subject, "subject")
            + " exceeds the limit of "
            + limit
            + " "
            + requireNonNull(unit, "unit")
            + " (got "
            + (actual > limit ? "at least " : "")
            + actual
            + ")");
    this.subject = subject;
    this.limit = limit;
    this.actual = actual;
  }

  /** Returns what exceeded the limit. */
  public String subject() {
    return subject;
  }

  /** Returns the configured limit. */
  public long limit() {
    return limit;
  }

  /** Returns the amount seen when the limit was exceeded. */
  public long actual() {
    return actual;
  }
}
