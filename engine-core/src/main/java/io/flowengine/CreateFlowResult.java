package io.flowengine;

import static java.util.Objects.requireNonNull;

/**
 * What {@link FlowOperations#createFlows} did with one request: created the flow, or refused it
 * with the error {@link FlowOperations#createFlow} would have thrown for it alone. Immutable and
 * thread-safe.
 */
public sealed interface CreateFlowResult {
  /** Returns whether the flow was created. */
  boolean isCreated();

  /**
   * Returns the created flow.
   *
   * @throws FlowEngineException the request's own error, if it was refused
   */
  Flow flowOrThrow();

  /**
   * A created flow, or the flow an earlier request with the same idempotency key created.
   *
   * @param flow the flow as stored (for a repeat, as it is now)
   * @param existing true if an earlier request with the same {@link NewFlow#idempotencyKey()}
   *     created the flow and this one stored nothing
   */
  record Created(Flow flow, boolean existing) implements CreateFlowResult {
    /** Checks the flow is present. */
    public Created {
      requireNonNull(flow, "flow");
    }

    /** A flow this request created. */
    public Created(Flow flow) {
      this(flow, false);
    }

    @Override
    public boolean isCreated() {
      return true;
    }

    @Override
    public Flow flowOrThrow() {
      return flow;
    }
  }

  /**
   * A refused request; nothing of it was stored.
   *
   * @param error why: the same typed error {@code createFlow} throws (not found, invalid, too
   *     large, a storage failure)
   */
  record Refused(FlowEngineException error) implements CreateFlowResult {
    /** Checks the error is present. */
    public Refused {
      requireNonNull(error, "error");
    }

    @Override
    public boolean isCreated() {
      return false;
    }

    @Override
    public Flow flowOrThrow() {
      throw error;
    }
  }
}
