package io.flowengine.internal;

import io.flowengine.InvalidRequestException;
import io.flowengine.NotFoundException;
import io.flowengine.spi.FlowRecord;
import io.flowengine.spi.FlowStore;
import org.jspecify.annotations.Nullable;

/**
 * Which flows an operations view may see: all of them (the engine itself), or one account's (an
 * authenticated view). A flow outside the scope is reported exactly like a missing one. Immutable
 * and thread-safe.
 *
 * @param accountId the account, or null for every flow
 */
record Scope(@Nullable String accountId) {
  static final Scope ALL = new Scope(null);

  boolean permits(FlowRecord record) {
    return accountId == null || accountId.equals(record.accountId());
  }

  /**
   * Returns the flow if it exists in this scope.
   *
   * @throws InvalidRequestException if the id is blank
   * @throws NotFoundException if it does not exist here
   */
  FlowRecord require(FlowStore flows, String flowId) {
    requireNonBlank(flowId, "flowId");
    FlowRecord record = flows.find(flowId).orElse(null);
    if (record == null || !permits(record)) {
      throw new NotFoundException(NotFoundException.Kind.FLOW, flowId);
    }
    return record;
  }

  static void requireNonBlank(String value, String field) {
    if (value.isBlank()) {
      throw new InvalidRequestException(field, "must not be blank");
    }
  }
}
