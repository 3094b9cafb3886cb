package io.flowengine;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * One problem with a request: where it is and what is wrong. Immutable and thread-safe.
 *
 * @param field the path of the offending field, e.g. {@code parameters.seed} or {@code
 *     inputs[2].data}
 * @param message what is wrong with it, e.g. {@code must be an integer, was "5"}
 */
public record Violation(String field, String message) implements Serializable {
  /** Checks both parts are present. */
  public Violation {
    requireNonNull(field, "field");
    requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return field + ": " + message;
  }
}
