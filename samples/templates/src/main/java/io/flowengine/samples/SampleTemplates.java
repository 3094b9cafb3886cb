package io.flowengine.samples;

import io.flowengine.ParameterSpec;
import io.flowengine.Template;
import io.flowengine.samples.image.ImageDecoding;
import java.util.List;

/**
 * The three reference templates of the hosted Flows API, implemented locally and deterministically,
 * with the hosted service's names, parameters, input and output media types (the table in
 * samples/templates/README.md lists them). Register them with {@code
 * FlowEngine.builder().template(...)} or at run time through {@code engine.templates()}. Each call
 * builds a new template; templates are immutable and thread-safe.
 */
public final class SampleTemplates {
  /** The name of the prompt-to-model template. */
  public static final String FROM_PROMPT = "model_generate_fromprompt";

  /** The name of the image-to-model template. */
  public static final String FROM_IMAGE = "model_generate_fromimage";

  /** The name of the mesh simplification template. */
  public static final String OPTIMIZE = "model_optimize";

  /** The media type of every output, and of model_optimize's input. */
  public static final String GLB = "model/gltf-binary";

  private SampleTemplates() {}

  /** Returns the three templates. */
  public static List<Template> all() {
    return List.of(modelGenerateFromPrompt(), modelGenerateFromImage(), modelOptimize());
  }

  /**
   * Returns {@code model_generate_fromprompt}: the prompt as extruded 3D text. Parameters {@code
   * quality} (low/high, default high), {@code seed} (default -1, random), {@code texture} (default
   * true); inputs {@code prompt} or {@code text/plain}.
   */
  public static Template modelGenerateFromPrompt() {
    return generating(FROM_PROMPT)
        .description(
            "Generates a 3D model from a text prompt: the prompt as extruded 3D text"
                + " with a seeded material and an optional generated PBR base-colour texture.")
        .inputTypes("prompt", "text/plain")
        .inputCheck("prompt", InputChecks.prompt())
        .inputCheck("text/plain", InputChecks.prompt())
        .step(new PromptModelStep())
        .build();
  }

  /**
   * Returns {@code model_generate_fromimage}: the image as a textured relief. Same parameters as
   * the prompt template; inputs PNG, JPEG ({@code image/jpg} or {@code image/jpeg}), TIFF, WEBP.
   */
  public static Template modelGenerateFromImage() {
    Template.Builder template =
        generating(FROM_IMAGE)
            .description(
                "Generates a 3D model from an image: a relief tile whose height follows the"
                    + " image's brightness, textured with the image.")
            .inputTypes(ImageDecoding.MEDIA_TYPES.toArray(String[]::new))
            .step(new ImageModelStep());
    for (String type : ImageDecoding.MEDIA_TYPES) {
      template.inputCheck(type, InputChecks.image());
    }
    return template.build();
  }

  /**
   * Returns {@code model_optimize}: a GLB simplified to at most {@code polygon_count} triangles
   * (integer, default 100000, at least 1) by quadric-error edge collapse.
   */
  public static Template modelOptimize() {
    return Template.builder(OPTIMIZE)
        .description(
            "Reduces a GLB model to at most polygon_count triangles by quadric-error"
                + " edge collapse, keeping normals, texture coordinates and borders.")
        .parameter(
            ParameterSpec.integer("polygon_count")
                .description("The most triangles the output may have.")
                .defaultValue(100_000L)
                .min(1L))
        .inputTypes(GLB)
        .inputCheck(GLB, InputChecks.glb())
        .outputTypes(GLB)
        .step(new OptimizeModelStep())
        .build();
  }

  private static Template.Builder generating(String name) {
    return Template.builder(name)
        .parameter(
            ParameterSpec.string("quality")
                .description("Mesh detail: low or high.")
                .allowedValues("low", "high")
                .defaultValue("high"))
        .parameter(
            ParameterSpec.integer("seed")
                .description("Seed of the colour and material variation; -1 picks a random one.")
                .defaultValue(-1L)
                .min(-1L))
        .parameter(
            ParameterSpec.bool("texture")
                .description("Whether to add a PBR base-colour texture with texture coordinates.")
                .defaultValue(true))
        .outputTypes(GLB);
  }
}
