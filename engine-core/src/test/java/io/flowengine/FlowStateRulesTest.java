package io.flowengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every user action tried in every state: allowed exactly where FlowAction says. */
class FlowStateRulesTest {

  @ParameterizedTest
  @EnumSource(FlowState.class)
  void startFlow_isAllowedOnlyWhenCreated(FlowState state) throws Exception {
    try (FlowInState f = FlowInState.create(state)) {
      if (state == FlowState.CREATED) {
        Flow started = f.engine.startFlow(f.flowId);
        assertThat(started.state()).isEqualTo(FlowState.STARTING);
        assertThat(started.startedAt()).isNotNull();
        assertThat(f.finishedState(f.flowId)).isEqualTo(FlowState.COMPLETED);
      } else {
        assertRefused(f, FlowAction.START, () -> f.engine.startFlow(f.flowId));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(FlowState.class)
  void abortFlow_isAllowedOnlyWhenStartingOrRunning(FlowState state) throws Exception {
    try (FlowInState f = FlowInState.create(state)) {
      if (state == FlowState.STARTING || state == FlowState.RUNNING) {
        Flow aborting = f.engine.abortFlow(f.flowId);
        assertThat(aborting.state()).isIn(FlowState.ABORTING, FlowState.ABORTED);
        assertThat(f.finishedState(f.flowId)).isEqualTo(FlowState.ABORTED);
      } else {
        assertRefused(f, FlowAction.ABORT, () -> f.engine.abortFlow(f.flowId));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(FlowState.class)
  void deleteFlow_isAllowedOnlyWhenNoThreadCanWorkOnIt(FlowState state) throws Exception {
    try (FlowInState f = FlowInState.create(state)) {
      if (EnumSet.of(FlowState.CREATED, FlowState.COMPLETED, FlowState.ABORTED, FlowState.FAILED)
          .contains(state)) {
        f.engine.deleteFlow(f.flowId);
        assertThatThrownBy(() -> f.engine.getFlow(f.flowId)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.engine.listInputs(f.flowId))
            .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.engine.deleteFlow(f.flowId))
            .isInstanceOf(NotFoundException.class);
      } else {
        assertRefused(f, FlowAction.DELETE, () -> f.engine.deleteFlow(f.flowId));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(FlowState.class)
  void addInput_isAllowedOnlyWhenCreated(FlowState state) throws Exception {
    try (FlowInState f = FlowInState.create(state)) {
      int before = f.engine.listInputs(f.flowId).size();
      if (state == FlowState.CREATED) {
        Asset added = f.engine.addInput(f.flowId, NewAsset.text("more"));
        assertThat(f.engine.listInputs(f.flowId)).extracting(Asset::id).containsExactly(added.id());
      } else {
        assertRefused(
            f, FlowAction.ADD_INPUT, () -> f.engine.addInput(f.flowId, NewAsset.text("x")));
        assertThat(f.engine.listInputs(f.flowId)).hasSize(before);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(FlowState.class)
  void outputs_areReadableOnlyWhenTerminal(FlowState state) throws Exception {
    try (FlowInState f = FlowInState.create(state)) {
      if (state.isTerminal()) {
        assertThat(f.engine.listOutputs(f.flowId)).isNotNull();
      } else {
        assertRefused(f, FlowAction.READ_OUTPUTS, () -> f.engine.listOutputs(f.flowId));
        assertRefused(
            f,
            FlowAction.READ_OUTPUTS,
            () -> f.engine.getOutput(f.flowId, "0123456789abcdef01234567"));
      }
    }
  }

  private static void assertRefused(FlowInState f, FlowAction action, ThrowingCallable call) {
    FlowState before = f.engine.getFlow(f.flowId).state();
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            FlowStateException.class,
            e -> {
              assertThat(e.flowId()).isEqualTo(f.flowId);
              assertThat(e.state()).isEqualTo(before);
              assertThat(e.action()).isEqualTo(action);
              assertThat(e.allowedStates()).isEqualTo(action.allowedStates());
              assertThat(e.getMessage())
                  .contains(f.flowId, before.wireName(), action.wireName().replace('_', ' '));
            });
    assertThat(f.engine.getFlow(f.flowId).state()).isEqualTo(before);
  }
}
