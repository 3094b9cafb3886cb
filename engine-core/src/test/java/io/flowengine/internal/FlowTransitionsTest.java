package io.flowengine.internal;

import static io.flowengine.FlowState.ABORTED;
import static io.flowengine.FlowState.ABORTING;
import static io.flowengine.FlowState.COMPLETED;
import static io.flowengine.FlowState.CREATED;
import static io.flowengine.FlowState.FAILED;
import static io.flowengine.FlowState.RUNNING;
import static io.flowengine.FlowState.STARTING;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.FlowAction;
import io.flowengine.FlowState;
import java.util.EnumSet;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FlowTransitionsTest {
  private static final Map<FlowState, Map<FlowEvent, FlowState>> LEGAL =
      Map.of(
          CREATED, Map.of(FlowEvent.START, STARTING),
          STARTING,
              Map.of(
                  FlowEvent.DISPATCH, RUNNING, FlowEvent.ABORT, ABORTING, FlowEvent.FAIL, FAILED),
          RUNNING,
              Map.of(
                  FlowEvent.COMPLETE, COMPLETED,
                  FlowEvent.FAIL, FAILED,
                  FlowEvent.ABORT, ABORTING,
                  FlowEvent.REQUEUE, STARTING,
                  FlowEvent.RETRY, RUNNING,
                  FlowEvent.RESUME, RUNNING),
          ABORTING, Map.of(FlowEvent.FINISH_ABORT, ABORTED),
          COMPLETED, Map.of(),
          ABORTED, Map.of(),
          FAILED, Map.of());

  static Stream<Arguments> everyPair() {
    return Stream.of(FlowState.values())
        .flatMap(state -> Stream.of(FlowEvent.values()).map(event -> Arguments.of(state, event)));
  }

  @ParameterizedTest(name = "{0} --{1}-->")
  @MethodSource("everyPair")
  void table_allowsExactlyTheDocumentedTransitions(FlowState from, FlowEvent event) {
    assertThat(FlowTransitions.next(from, event)).isEqualTo(LEGAL.get(from).get(event));
  }

  @Test
  void terminalStates_haveNoWayOut() {
    for (FlowState state : EnumSet.of(COMPLETED, ABORTED, FAILED)) {
      for (FlowEvent event : FlowEvent.values()) {
        assertThat(FlowTransitions.next(state, event)).isNull();
      }
    }
  }

  @Test
  void userActions_agreeWithTheTable() {
    for (FlowState state : FlowState.values()) {
      assertThat(FlowAction.START.isAllowedIn(state))
          .isEqualTo(FlowTransitions.next(state, FlowEvent.START) != null);
      assertThat(FlowAction.ABORT.isAllowedIn(state))
          .isEqualTo(FlowTransitions.next(state, FlowEvent.ABORT) != null);
    }
  }
}
