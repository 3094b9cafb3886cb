package io.flowengine.samples;

import io.flowengine.Asset;
import io.flowengine.Step;
import io.flowengine.StepContext;
import io.flowengine.samples.gltf.GlbWriter;
import io.flowengine.samples.mesh.Model;
import io.flowengine.samples.text.TextModelGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The step of {@code model_generate_fromprompt}: each text input becomes one GLB output of the
 * prompt as extruded text, derived from that input. Thread-safe.
 */
final class PromptModelStep implements Step {
  /** The longest prompt read, in bytes; the text mesh shows far fewer characters anyway. */
  static final int MAX_PROMPT_BYTES = 64 * 1024;

  private final TextModelGenerator generator = new TextModelGenerator();

  @Override
  public void run(StepContext context) throws Exception {
    GenerationOptions options = GenerationOptions.from(context.parameters());
    List<Asset> inputs = context.inputs();
    for (int i = 0; i < inputs.size(); i++) {
      Asset input = inputs.get(i);
      WorkMonitor monitor = new StepMonitor(context, i, inputs.size());
      String prompt = readPrompt(context, input);
      Model model = generator.generate(prompt, options, monitor.range(0, 0.9));
      context.checkpoint();
      context.writeOutput("model/gltf-binary", GlbWriter.write(model), input);
      monitor.progress(1);
    }
  }

  private static String readPrompt(StepContext context, Asset input) throws IOException {
    try (InputStream in = context.open(input)) {
      byte[] bytes = in.readNBytes(MAX_PROMPT_BYTES);
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }
}
