package io.flowengine.samples;

import io.flowengine.Asset;
import io.flowengine.Step;
import io.flowengine.StepContext;
import io.flowengine.samples.gltf.GlbWriter;
import io.flowengine.samples.image.ImageDecoding;
import io.flowengine.samples.image.ImageModelGenerator;
import io.flowengine.samples.mesh.Model;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.util.List;

/**
 * The step of {@code model_generate_fromimage}: each image input becomes one GLB output, a relief
 * of the image, derived from that input. Thread-safe.
 */
final class ImageModelStep implements Step {
  private final ImageModelGenerator generator = new ImageModelGenerator();

  @Override
  public void run(StepContext context) throws Exception {
    GenerationOptions options = GenerationOptions.from(context.parameters());
    List<Asset> inputs = context.inputs();
    for (int i = 0; i < inputs.size(); i++) {
      Asset input = inputs.get(i);
      WorkMonitor monitor = new StepMonitor(context, i, inputs.size());
      BufferedImage image;
      try (InputStream in = context.open(input)) {
        image = ImageDecoding.decode(in, input.mediaType());
      }
      monitor.progress(0.15);
      Model model = generator.generate(image, options, monitor.range(0.15, 0.9));
      context.checkpoint();
      context.writeOutput("model/gltf-binary", GlbWriter.write(model), input);
      monitor.progress(1);
    }
  }
}
