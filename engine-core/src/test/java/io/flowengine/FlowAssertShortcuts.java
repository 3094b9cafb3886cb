package io.flowengine;

import io.flowengine.testing.FlowAssert;

/** Short forms of FlowAssert chains used by several tests. */
final class FlowAssertShortcuts {
  private FlowAssertShortcuts() {}

  static void assertFailed(FlowOperations operations, String flowId, String errorPart) {
    FlowAssert.assertThatFlow(operations, flowId).isFailed().hasErrorContaining(errorPart);
  }
}
