package io.flowengine.samples;

import io.flowengine.Asset;
import io.flowengine.Step;
import io.flowengine.StepContext;
import io.flowengine.samples.gltf.GlbWriter;
import io.flowengine.samples.gltf.GltfModelReader;
import io.flowengine.samples.mesh.Model;
import io.flowengine.samples.simplify.ModelSimplifier;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The step of {@code model_optimize}: each GLB input is simplified to at most {@code polygon_count}
 * triangles and written as a new GLB derived from it; an input that already has no more triangles
 * is written back byte for byte. Thread-safe.
 */
final class OptimizeModelStep implements Step {
  @Override
  public void run(StepContext context) throws Exception {
    long target = Math.min(context.parameters().getLong("polygon_count"), Integer.MAX_VALUE);
    List<Asset> inputs = context.inputs();
    for (int i = 0; i < inputs.size(); i++) {
      Asset input = inputs.get(i);
      WorkMonitor monitor = new StepMonitor(context, i, inputs.size());
      byte[] glb;
      try (InputStream in = context.open(input)) {
        glb = in.readAllBytes();
      }
      Model model = GltfModelReader.read(glb);
      monitor.progress(0.1);
      Model simplified = ModelSimplifier.simplify(model, target, monitor.range(0.1, 0.9));
      context.checkpoint();
      if (model.triangleCount() <= target) { // simplify had nothing to remove
        context.writeOutput("model/gltf-binary", glb, input);
      } else {
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("template", "model_optimize");
        extras.put("polygon_count", target);
        extras.put("inputTriangles", model.triangleCount());
        Model out = new Model(simplified.name(), simplified.parts(), extras);
        context.writeOutput("model/gltf-binary", GlbWriter.write(out), input);
      }
      monitor.progress(1);
    }
  }
}
