package io.flowengine.testing.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowengine.FlowEngine;
import io.flowengine.FlowState;
import io.flowengine.InvalidRequestException;
import io.flowengine.testing.FlowAssert;
import io.flowengine.testing.FlowEngineExtension;
import io.flowengine.testing.TestFlowEngine;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The sample host application tested against the fake engine: no sleeps, no real time. */
@ExtendWith(FlowEngineExtension.class)
class ModelStudioTest {
  private static final Duration POLL = Duration.ofSeconds(1);

  private static ModelStudio studio(TestFlowEngine fake, ModelStudio.Pause pause) {
    return new ModelStudio(fake.engine(), fake.clock(), pause, POLL, Duration.ofSeconds(30));
  }

  private static boolean isGlb(byte[] bytes) {
    return bytes.length > 12
        && ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(0) == 0x46546C67;
  }

  @Test
  void promptToModel_completesAndDownloadsAGlb(TestFlowEngine fake) throws Exception {
    ModelStudio studio = studio(fake, fake.clock()::advance);
    String flowId = studio.submit("a red chair", Map.of("quality", "low", "seed", 7));
    ModelStudio.Result result = studio.await(flowId);
    assertThat(result.state()).isEqualTo(FlowState.COMPLETED);
    assertThat(result.models()).hasSize(1).allMatch(ModelStudioTest::isGlb);
    FlowAssert.assertThatFlow(fake.engine(), flowId)
        .isCompleted()
        .hasProgress(1.0)
        .hasOutputs(1, "model/gltf-binary");
    assertThat(fake.engine().listOutputs(flowId).getFirst().additional())
        .isEqualTo("{\"prompt\":true}");
  }

  @Test
  void sameSeed_sameModel_andTheModelFeedsTheOptimizer(TestFlowEngine fake) throws Exception {
    ModelStudio studio = studio(fake, fake.clock()::advance);
    byte[] first = studio.await(studio.submit("lamp", Map.of("seed", 3))).models().getFirst();
    byte[] again = studio.await(studio.submit("lamp", Map.of("seed", 3))).models().getFirst();
    assertThat(again).isEqualTo(first);
    ModelStudio.Result optimized = studio.await(studio.optimize(first, 500));
    assertThat(optimized.state()).isEqualTo(FlowState.COMPLETED);
    assertThat(optimized.models().getFirst()).isEqualTo(first);
  }

  @Test
  void pollingWithAManualExecutor_seesTheFlowStartingThenCompleted() throws Exception {
    try (TestFlowEngine fake =
        TestFlowEngine.builder().referenceTemplates().mode(TestFlowEngine.Mode.MANUAL).build()) {
      ModelStudio studio =
          studio(
              fake,
              pause -> {
                assertThat(
                        fake.engine()
                            .listFlows(io.flowengine.FlowQuery.all())
                            .items()
                            .getFirst()
                            .state())
                    .isEqualTo(FlowState.STARTING);
                fake.runUntilIdle(); // "while the studio waits", the engine does its work
              });
      ModelStudio.Result result = studio.await(studio.submit("vase", Map.of()));
      assertThat(result.state()).isEqualTo(FlowState.COMPLETED);
    }
  }

  @Test
  void cancel_abortsAQueuedFlow() throws Exception {
    try (TestFlowEngine fake =
        TestFlowEngine.builder().referenceTemplates().mode(TestFlowEngine.Mode.MANUAL).build()) {
      ModelStudio studio = studio(fake, fake.clock()::advance);
      String flowId = studio.submit("table", Map.of());
      studio.cancel(flowId);
      ModelStudio.Result result = studio.await(flowId);
      assertThat(result.state()).isEqualTo(FlowState.ABORTED);
      assertThat(result.models()).isEmpty();
    }
  }

  @Test
  void failurePath_reportsTheEnginesMessage(TestFlowEngine fake) throws Exception {
    ModelStudio studio = studio(fake, fake.clock()::advance);
    ModelStudio.Result result = studio.await(studio.optimize("not a model".getBytes(), 10));
    assertThat(result.state()).isEqualTo(FlowState.FAILED);
    assertThat(result.error()).contains("is not a GLB file");
  }

  @Test
  void badParameters_areRefusedBeforeAnythingRuns(FlowEngine engine) {
    TestFlowEngine unused = null;
    assertThat(unused).isNull();
    ModelStudio studio = new ModelStudio(engine, java.time.Clock.systemUTC(), d -> {}, POLL, POLL);
    assertThatThrownBy(() -> studio.submit("x", Map.of("quality", "ultra")))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.violations().getFirst().field()).isEqualTo("parameters.quality"));
  }

  @Test
  void patienceExpires_onTheManualClock_andTheFlowIsAborted() throws Exception {
    try (TestFlowEngine fake =
        TestFlowEngine.builder().referenceTemplates().mode(TestFlowEngine.Mode.MANUAL).build()) {
      ModelStudio studio =
          studio(fake, fake.clock()::advance); // nobody runs the queue: it never finishes
      String flowId = studio.submit("bridge", Map.of());
      assertThatThrownBy(() -> studio.await(flowId))
          .isInstanceOf(TimeoutException.class)
          .hasMessageContaining("still starting after PT30S");
      FlowAssert.assertThatFlow(fake.engine(), flowId).isAborted();
    }
  }
}
