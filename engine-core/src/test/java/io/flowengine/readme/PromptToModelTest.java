package io.flowengine.readme;

import io.flowengine.Flow;
import io.flowengine.FlowEngine;
import io.flowengine.NewAsset;
import io.flowengine.NewFlow;
import io.flowengine.Template;
import io.flowengine.testing.BlockingStep;
import io.flowengine.testing.FlowAssert;
import io.flowengine.testing.FlowEngineExtension;
import io.flowengine.testing.Steps;
import io.flowengine.testing.TestFlowEngine;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The README's testing example; ReadmeSnippetsTest checks the README shows exactly this. */
// README:BEGIN
@ExtendWith(FlowEngineExtension.class) // a fresh fake engine per test, closed after it
class PromptToModelTest {
  @Test
  void promptBecomesAModel(FlowEngine engine) { // reference templates, flows run on this thread
    Flow flow =
        engine.createFlow(
            NewFlow.builder("model_generate_fromprompt")
                .parameter("quality", "low")
                .input(NewAsset.text("a red chair"))
                .build());
    FlowAssert.assertThatFlow(engine, flow).isCompleted().hasOutputs(1, "model/gltf-binary");
  }

  @Test
  void timeoutFiresWhenTheClockSaysSo() throws Exception {
    BlockingStep stuck = Steps.blocking();
    try (TestFlowEngine fake =
        TestFlowEngine.builder()
            .template(Template.builder("slow").inputTypes("text/plain").step(stuck).build())
            .mode(TestFlowEngine.Mode.VIRTUAL_THREADS)
            .build()) {
      Flow flow =
          fake.engine()
              .createFlow(
                  NewFlow.builder("slow")
                      .input(NewAsset.text("x"))
                      .timeout(Duration.ofMinutes(5))
                      .build());
      stuck.awaitEntered(Duration.ofSeconds(5));
      fake.clock().advance(Duration.ofMinutes(5)); // no sleeping: the manual clock fires it
      fake.engine().awaitFlow(flow.id()).get(5, TimeUnit.SECONDS);
      FlowAssert.assertThatFlow(fake.engine(), flow).isFailed().hasErrorContaining("timed out");
    }
  }
}
// README:END
