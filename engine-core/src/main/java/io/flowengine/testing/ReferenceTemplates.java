package io.flowengine.testing;

import io.flowengine.Asset;
import io.flowengine.ParameterSpec;
import io.flowengine.StepContext;
import io.flowengine.Template;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Fakes of the reference service's three templates with the same names, parameters and media types
 * ({@code model_generate_fromprompt}, {@code model_generate_fromimage}, {@code model_optimize}),
 * answering at once with a small valid GLB per input, so host code written for the hosted service
 * runs against them unchanged. The optimizer fake returns its input unchanged and fails, like the
 * real one, on input that is not GLB. Unlike the real templates the fakes declare no upload {@link
 * io.flowengine.ContentCheck}s: any content of an accepted type is taken, so a test can still make
 * a flow fail on bad input. Thread-safe.
 */
public final class ReferenceTemplates {
  /** The name of the prompt-to-model template. */
  public static final String FROM_PROMPT = "model_generate_fromprompt";

  /** The name of the image-to-model template. */
  public static final String FROM_IMAGE = "model_generate_fromimage";

  /** The name of the model optimizer template. */
  public static final String OPTIMIZE = "model_optimize";

  /** The media type every fake produces. */
  public static final String GLB = "model/gltf-binary";

  private ReferenceTemplates() {}

  /** Returns the three fakes. */
  public static List<Template> all() {
    return List.of(fromPrompt(), fromImage(), optimize());
  }

  /** Returns the fake of {@code model_generate_fromprompt}. */
  public static Template fromPrompt() {
    return generator(FROM_PROMPT, "Generates a 3D model from a text prompt (fake).")
        .inputTypes("prompt", "text/plain")
        .build();
  }

  /** Returns the fake of {@code model_generate_fromimage}. */
  public static Template fromImage() {
    return generator(FROM_IMAGE, "Generates a 3D model from an image (fake).")
        .inputTypes("image/png", "image/jpg", "image/jpeg", "image/tiff", "image/webp")
        .build();
  }

  /** Returns the fake of {@code model_optimize}. */
  public static Template optimize() {
    return Template.builder(OPTIMIZE)
        .description("Reduces a model to at most polygon_count triangles (fake: returns it as is).")
        .parameter(
            ParameterSpec.integer("polygon_count")
                .description("target polygon count")
                .defaultValue(100_000L)
                .min(1L))
        .inputTypes(GLB)
        .outputTypes(GLB)
        .step(ReferenceTemplates::optimizeInputs)
        .build();
  }

  private static Template.Builder generator(String name, String description) {
    return Template.builder(name)
        .description(description)
        .parameter(
            ParameterSpec.string("quality")
                .description("mesh quality")
                .allowedValues("low", "high")
                .defaultValue("high"))
        .parameter(
            ParameterSpec.integer("seed")
                .description("variation seed; -1 for random")
                .defaultValue(-1L))
        .parameter(
            ParameterSpec.bool("texture").description("add a PBR texture").defaultValue(true))
        .outputTypes(GLB)
        .step(ReferenceTemplates::generate);
  }

  private static void generate(StepContext context) throws IOException, InterruptedException {
    long seed = context.parameters().getLong("seed");
    List<Asset> inputs = context.inputs();
    for (int i = 0; i < inputs.size(); i++) {
      context.checkpoint();
      long effective = seed == -1 ? ThreadLocalRandom.current().nextLong() : seed + i;
      context.writeOutput(GLB, TinyGlb.triangle(effective), inputs.get(i));
      context.progress((i + 1.0) / inputs.size());
    }
  }

  private static void optimizeInputs(StepContext context) throws IOException, InterruptedException {
    for (Asset input : context.inputs()) {
      context.checkpoint();
      byte[] model;
      try (InputStream in = context.open(input)) {
        model = in.readAllBytes();
      }
      if (!TinyGlb.isGlb(model)) {
        throw new IOException("input " + input.id() + " is not a GLB file");
      }
      context.writeOutput(GLB, model, input);
    }
  }
}
