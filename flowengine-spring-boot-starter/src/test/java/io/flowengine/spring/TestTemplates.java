package io.flowengine.spring;

import io.flowengine.Flow;
import io.flowengine.FlowEngine;
import io.flowengine.FlowState;
import io.flowengine.NewAsset;
import io.flowengine.NewFlow;
import io.flowengine.Template;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The template the tests register as a bean, and running one flow of it. */
final class TestTemplates {
  private TestTemplates() {}

  /** A {@code shout} template bean: its output is its text input in upper case. */
  @Configuration(proxyBeanMethods = false)
  static class ShoutTemplate {
    @Bean
    Template shout() {
      return Template.builder("shout")
          .inputTypes("text/plain")
          .outputTypes("text/plain")
          .step(
              ctx -> {
                for (var input : ctx.inputs()) {
                  String text = new String(ctx.open(input).readAllBytes(), StandardCharsets.UTF_8);
                  ctx.writeOutput(
                      "text/plain",
                      text.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8),
                      input);
                }
              })
          .build();
    }
  }

  /** Runs a shout flow to its end and checks it completed with the shouted text. */
  static Flow shout(FlowEngine engine, String text) throws Exception {
    Flow flow = engine.createFlow(NewFlow.builder("shout").input(NewAsset.text(text)).build());
    Flow done = engine.awaitFlow(flow.id()).get(30, TimeUnit.SECONDS);
    if (done.state() != FlowState.COMPLETED) {
      throw new AssertionError("flow " + done.id() + " ended " + done.state());
    }
    String output =
        engine.getOutput(flow.id(), engine.listOutputs(flow.id()).getFirst().id()).text();
    if (!output.equals(text.toUpperCase(Locale.ROOT))) {
      throw new AssertionError("flow " + done.id() + " wrote " + output);
    }
    return done;
  }
}
