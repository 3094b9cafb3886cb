package io.flowengine;

import static java.util.Objects.requireNonNull;

import java.io.Serial;

/**
 * A create request reused an idempotency key of its account with a different request (another
 * template, parameters, user data, inputs, timeout or start time) than the one that created the
 * flow. Nothing was stored; the existing flow is unchanged. Answered {@code 409} over REST.
 * Immutable.
 */
public final class IdempotencyConflictException extends FlowEngineException {
  @Serial private static final long serialVersionUID = 1L;

  /** The reused key. */
  private final String idempotencyKey;

  /** The flow the key belongs to. */
  private final String flowId;

  /** Creates the exception for {@code key}, which created flow {@code flowId}. */
  public IdempotencyConflictException(String key, String flowId) {
    super(
        "idempotency key '"
            + requireNonNull(key, "key")
            + "' was used for a different request, which created flow "
            + requireNonNull(flowId, "flowId"));
    this.idempotencyKey = key;
    this.flowId = flowId;
  }

  /** Returns the reused key. */
  public String idempotencyKey() {
    return idempotencyKey;
  }

  /** Returns the id of the flow the key created. */
  public String flowId() {
    return flowId;
  }
}
