package io.flowengine.testing;

import static java.util.Objects.requireNonNull;

import com.google.common.base.Preconditions;
import io.flowengine.Asset;
import io.flowengine.Step;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Scripted {@link Step}s for tests: succeed, fail with a message, report progress in given
 * increments, emit given outputs, echo the inputs, or block until the test releases them ({@link
 * #blocking()}). Every step returned is thread-safe and stateless unless stated.
 */
public final class Steps {
  private Steps() {}

  /** Returns a step that does nothing and succeeds. */
  public static Step succeed() {
    return context -> {};
  }

  /** Returns a step that fails the flow with {@code message}. */
  public static Step fail(String message) {
    requireNonNull(message, "message");
    return context -> {
      throw new ScriptedFailure(message);
    };
  }

  /**
   * Returns a step that reports these progress fractions of itself, in order.
   *
   * @throws IllegalArgumentException if a fraction is outside [0, 1]
   */
  public static Step progress(double... fractions) {
    double[] copy = fractions.clone();
    for (double fraction : copy) {
      Preconditions.checkArgument(fraction >= 0 && fraction <= 1, "fraction %s", fraction);
    }
    return context -> Arrays.stream(copy).forEach(context::progress);
  }

  /** Returns a step that writes one output of {@code mediaType} holding {@code content}. */
  public static Step emit(String mediaType, byte[] content) {
    requireNonNull(mediaType, "mediaType");
    byte[] copy = content.clone();
    return context -> context.writeOutput(mediaType, copy);
  }

  /**
   * Returns a step that writes each input back as an output of {@code mediaType}, derived from it
   * (so the input's {@code additional} data is copied).
   */
  public static Step echoInputs(String mediaType) {
    requireNonNull(mediaType, "mediaType");
    return context -> {
      for (Asset input : context.inputs()) {
        context.checkpoint();
        try (InputStream in = context.open(input)) {
          context.writeOutput(mediaType, in, input);
        }
      }
    };
  }

  /** Returns a step that blocks every flow reaching it until {@link BlockingStep#release()}. */
  public static BlockingStep blocking() {
    return new BlockingStep();
  }

  /** The exception a {@link #fail(String)} step throws. */
  public static final class ScriptedFailure extends Exception {
    private static final long serialVersionUID = 1L;

    ScriptedFailure(String message) {
      super(message);
    }
  }
}
