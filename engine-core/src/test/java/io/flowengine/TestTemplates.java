package io.flowengine;

import io.flowengine.testing.Steps;
import java.util.concurrent.CountDownLatch;

/** Templates the engine tests share. */
public final class TestTemplates {
  public static final String TEXT = "text/plain";

  private TestTemplates() {}

  /** text/plain in, each input echoed as an output derived from it. */
  public static Template echo() {
    return Template.builder("echo")
        .inputTypes(TEXT, "image/png")
        .outputTypes(TEXT, "image/png")
        .step(Steps.echoInputs(TEXT))
        .build();
  }

  /** A template with one parameter of every type and constraint. */
  public static Template typed() {
    return Template.builder("typed")
        .parameter(ParameterSpec.string("mode").allowedValues("fast", "slow").defaultValue("fast"))
        .parameter(ParameterSpec.integer("count").required().min(1).max(10))
        .parameter(ParameterSpec.number("scale").min(0.5).max(2.5).defaultValue(1.0))
        .parameter(ParameterSpec.bool("flag").defaultValue(false))
        .parameter(ParameterSpec.string("label"))
        .inputTypes(TEXT)
        .outputTypes(TEXT)
        .step(Steps.succeed())
        .build();
  }

  /** Runs {@code step} alone; accepts text, outputs text. */
  public static Template of(String name, Step... steps) {
    Template.Builder builder = Template.builder(name).inputTypes(TEXT).outputTypes(TEXT);
    for (Step step : steps) {
      builder.step(step);
    }
    return builder.build();
  }

  /** A step that writes one output, then fails: a failure with a partial output. */
  public static Step writeThenFail(String message) {
    return context -> {
      context.writeOutput(TEXT, "partial".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      throw new IllegalStateException(message);
    };
  }

  /**
   * A step that ignores the abort interrupt until {@code release} opens, so the flow stays ABORTING
   * until then.
   */
  public static Step stubborn(CountDownLatch entered, CountDownLatch release) {
    return context -> {
      entered.countDown();
      boolean interrupted = false;
      while (true) {
        try {
          release.await();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    };
  }
}
