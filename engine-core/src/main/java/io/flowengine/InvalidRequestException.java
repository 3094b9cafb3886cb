package io.flowengine;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import java.io.Serial;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A request is malformed: all of its problems are listed together as {@link Violation}s. Immutable.
 */
public final class InvalidRequestException extends FlowEngineException {
  @Serial private static final long serialVersionUID = 1L;

  /** Every rule the request broke, in the order they were checked. */
  private final ImmutableList<Violation> violations;

  /**
   * Creates the exception from its violations.
   *
   * @throws IllegalArgumentException if {@code violations} is empty
   */
  public InvalidRequestException(List<Violation> violations) {
    super(message(violations));
    this.violations = ImmutableList.copyOf(violations);
  }

  /** Creates the exception for a single problem. */
  public InvalidRequestException(String field, String message) {
    this(List.of(new Violation(field, message)));
  }

  /** Returns every problem found, in the order they were found. */
  public List<Violation> violations() {
    return violations;
  }

  private static String message(List<Violation> violations) {
    Preconditions.checkArgument(!violations.isEmpty(), "no violations");
    return "invalid request: "
        + violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
  }
}
