package io.flowengine.spi;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * The flow whose run or step a {@link FlowObserver} is told of, as the engine knows it on the
 * flow's thread. Immutable.
 *
 * @param flowId the flow's id
 * @param accountId the account it belongs to, or null for a flow created without an API key
 * @param templateId the id of its template
 * @param templateName the name of its template
 */
public record FlowRun(
    String flowId, @Nullable String accountId, String templateId, String templateName) {
  /** Checks that every field but the account is present. */
  public FlowRun {
    requireNonNull(flowId, "flowId");
    requireNonNull(templateId, "templateId");
    requireNonNull(templateName, "templateName");
  }
}
