package io.flowengine.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.Flow;
import io.flowengine.FlowEngine;
import io.flowengine.FlowState;
import io.flowengine.NewAsset;
import io.flowengine.NewFlow;
import io.flowengine.Template;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The README's quick start, compiled and run; ReadmeSnippetsTest checks the README shows it. */
class QuickStartTest {

  @Test
  void quickStartRuns() throws Exception {
    String printed = quickStart();
    assertThat(printed).isEqualTo("completed: HELLO, FLOWS");
  }

  private static String quickStart() throws Exception {
    // README:BEGIN
    Template shout =
        Template.builder("shout")
            .inputTypes("text/plain")
            .outputTypes("text/plain")
            .step(
                ctx -> {
                  for (var input : ctx.inputs()) {
                    String text =
                        new String(ctx.open(input).readAllBytes(), StandardCharsets.UTF_8);
                    ctx.writeOutput(
                        "text/plain",
                        text.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8),
                        input);
                  }
                })
            .build();
    try (FlowEngine engine = FlowEngine.builder().template(shout).build()) {
      Flow flow =
          engine.createFlow(NewFlow.builder("shout").input(NewAsset.text("hello, flows")).build());
      Flow done = engine.awaitFlow(flow.id()).join(); // runs on a virtual thread
      String result =
          engine.getOutput(flow.id(), engine.listOutputs(flow.id()).getFirst().id()).text();
      System.out.println(done.state().wireName() + ": " + result); // completed: HELLO, FLOWS
      assertThat(done.state()).isEqualTo(FlowState.COMPLETED);
      return done.state().wireName() + ": " + result;
    }
    // README:END
  }
}
