package io.flowengine.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowengine.ContentCheck;
import io.flowengine.Flow;
import io.flowengine.FlowEngine;
import io.flowengine.FlowOperations;
import io.flowengine.FlowQuery;
import io.flowengine.InvalidRequestException;
import io.flowengine.NewAsset;
import io.flowengine.NewFlow;
import io.flowengine.Template;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A refused upload leaves nothing in the H2 file, after a restart too. */
class ContentCheckOnH2Test {
  private static final ContentCheck NOT_EMPTY =
      sample -> sample.length() == 0 ? Optional.of("the content is empty") : Optional.empty();
  private static final Template CHECKED =
      Template.builder("checked")
          .inputTypes("text/plain")
          .inputCheck("text/plain", NOT_EMPTY)
          .step(ctx -> {})
          .build();

  @TempDir Path dir;

  @Test
  void refusedInputs_storeNothing_acrossARestart() {
    String flowId;
    H2Storage storage = H2Storage.open(dir); // the engine closes it
    try (FlowEngine engine = FlowEngine.builder().storage(storage).template(CHECKED).build()) {
      FlowOperations alice = login(engine);
      assertThatThrownBy(
              () ->
                  alice.createFlow(
                      NewFlow.builder("checked")
                          .input(NewAsset.text("fine"))
                          .input(NewAsset.text(""))
                          .build()))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("inputs[1].content");
      Flow flow = alice.createFlow(NewFlow.of("checked"));
      flowId = flow.id();
      assertThatThrownBy(() -> alice.addInput(flow.id(), NewAsset.text("")))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("the content is empty");
      assertThat(storage.assets().storedBytes("alice")).isZero();
    }
    H2Storage reopened = H2Storage.open(dir);
    try (FlowEngine engine = FlowEngine.builder().storage(reopened).template(CHECKED).build()) {
      assertThat(engine.listFlows(FlowQuery.all()).items())
          .extracting(Flow::id)
          .containsExactly(flowId);
      assertThat(engine.listInputs(flowId)).isEmpty();
      assertThat(reopened.assets().storedBytes("alice")).isZero();
    }
  }

  private static FlowOperations login(FlowEngine engine) {
    return engine.authenticate(
        engine.apiKeys().create("alice", "test", Instant.now().plus(Duration.ofDays(1))).secret());
  }
}
