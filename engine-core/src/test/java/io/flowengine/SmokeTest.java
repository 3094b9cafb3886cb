package io.flowengine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void echoFlowCompletes() throws Exception {
    Template echo =
        Template.builder("echo")
            .inputTypes("text/plain")
            .outputTypes("text/plain")
            .step(
                ctx -> {
                  for (Asset input : ctx.inputs()) {
                    try (var in = ctx.open(input)) {
                      ctx.writeOutput("text/plain", in, input);
                    }
                    ctx.progress(0.5);
                  }
                })
            .build();
    try (FlowEngine engine = FlowEngine.builder().template(echo).build()) {
      Flow flow =
          engine.createFlow(
              NewFlow.builder("echo").input(NewAsset.text("hello").withAdditional("{\"a\":1}")).build());
      Flow done = engine.awaitFlow(flow.id()).get(10, TimeUnit.SECONDS);
      assertThat(done.state()).isEqualTo(FlowState.COMPLETED);
      assertThat(done.progress()).isEqualTo(1.0);
      var outputs = engine.listOutputs(flow.id());
      assertThat(outputs).hasSize(1);
      assertThat(outputs.get(0).additional()).isEqualTo("{\"a\":1}");
      assertThat(new String(engine.getOutput(flow.id(), outputs.get(0).id()).bytes(), StandardCharsets.UTF_8))
          .isEqualTo("hello");
    }
  }
}
