package io.flowengine.testing;

import static java.util.Objects.requireNonNull;

import io.flowengine.Asset;
import io.flowengine.Flow;
import io.flowengine.FlowOperations;
import io.flowengine.FlowState;
import java.util.List;

/**
 * Fluent checks of one flow that read well in a test and say what was found when they fail: {@code
 * FlowAssert.assertThatFlow(engine, id).isCompleted().hasOutputs(1, "model/gltf-binary")}. Each
 * check reads the flow's current state. Throws {@link AssertionError}; needs no test framework.
 * Thread-safe.
 */
public final class FlowAssert {
  private final FlowOperations operations;
  private final String flowId;

  private FlowAssert(FlowOperations operations, String flowId) {
    this.operations = operations;
    this.flowId = flowId;
  }

  /** Starts checks of flow {@code flowId} as seen through {@code operations}. */
  public static FlowAssert assertThatFlow(FlowOperations operations, String flowId) {
    return new FlowAssert(
        requireNonNull(operations, "operations"), requireNonNull(flowId, "flowId"));
  }

  /** Starts checks of {@code flow} as seen through {@code operations}. */
  public static FlowAssert assertThatFlow(FlowOperations operations, Flow flow) {
    return assertThatFlow(operations, flow.id());
  }

  /** Returns the flow's current snapshot. */
  public Flow actual() {
    return operations.getFlow(flowId);
  }

  /** Checks the flow is in {@code expected}. */
  public FlowAssert isInState(FlowState expected) {
    Flow flow = actual();
    if (flow.state() != expected) {
      throw new AssertionError(
          "expected flow "
              + flowId
              + " to be "
              + expected.wireName()
              + " but it is "
              + flow.state().wireName()
              + (flow.error() != null ? " (error: " + flow.error() + ")" : "")
              + " at progress "
              + flow.progress());
    }
    return this;
  }

  /** Checks the flow completed. */
  public FlowAssert isCompleted() {
    return isInState(FlowState.COMPLETED);
  }

  /** Checks the flow failed. */
  public FlowAssert isFailed() {
    return isInState(FlowState.FAILED);
  }

  /** Checks the flow was aborted. */
  public FlowAssert isAborted() {
    return isInState(FlowState.ABORTED);
  }

  /** Checks the flow's error message contains {@code text}. */
  public FlowAssert hasErrorContaining(String text) {
    String error = actual().error();
    if (error == null || !error.contains(text)) {
      throw new AssertionError(
          "expected flow "
              + flowId
              + " to have an error containing '"
              + text
              + "' but it has "
              + (error == null ? "none" : "'" + error + "'"));
    }
    return this;
  }

  /** Checks the flow's progress. */
  public FlowAssert hasProgress(double expected) {
    double progress = actual().progress();
    if (Double.compare(progress, expected) != 0) {
      throw new AssertionError(
          "expected flow " + flowId + " to have progress " + expected + " but it has " + progress);
    }
    return this;
  }

  /** Checks how many inputs the flow has. */
  public FlowAssert hasInputs(int count) {
    int actual = operations.listInputs(flowId).size();
    if (actual != count) {
      throw new AssertionError(
          "expected flow " + flowId + " to have " + count + " input(s) but it has " + actual);
    }
    return this;
  }

  /** Checks how many outputs the (finished) flow has. */
  public FlowAssert hasOutputs(int count) {
    List<Asset> outputs = operations.listOutputs(flowId);
    if (outputs.size() != count) {
      throw new AssertionError(
          "expected flow "
              + flowId
              + " to have "
              + count
              + " output(s) but it has "
              + outputs.size()
              + ": "
              + outputs);
    }
    return this;
  }

  /** Checks the (finished) flow has {@code count} outputs, all of {@code mediaType}. */
  public FlowAssert hasOutputs(int count, String mediaType) {
    hasOutputs(count);
    for (Asset output : operations.listOutputs(flowId)) {
      if (!output.mediaType().equals(mediaType)) {
        throw new AssertionError(
            "expected every output of flow "
                + flowId
                + " to be "
                + mediaType
                + " but "
                + output.id()
                + " is "
                + output.mediaType());
      }
    }
    return this;
  }
}
