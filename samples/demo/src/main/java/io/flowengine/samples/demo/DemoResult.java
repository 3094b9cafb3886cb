package io.flowengine.samples.demo;

import io.flowengine.Asset;
import io.flowengine.Flow;
import io.flowengine.FlowEngine;
import io.flowengine.samples.demo.render.SoftwareRenderer;
import io.flowengine.samples.gltf.GltfModelReader;
import io.flowengine.samples.mesh.Model;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * One finished demo flow with its GLB outputs, and what the demo does with them: files, previews
 * and a summary line. Immutable.
 *
 * @param flow the terminal flow
 * @param name the base file name, e.g. {@code prompt}
 * @param title a title for the page
 * @param glbs the output GLBs
 */
record DemoResult(Flow flow, String name, String title, List<byte[]> glbs) {
  private static final int PREVIEW_WIDTH = 800;
  private static final int PREVIEW_HEIGHT = 600;

  static DemoResult collect(FlowEngine engine, Flow flow, String name, String title) {
    List<byte[]> glbs = new ArrayList<>();
    for (Asset output : engine.listOutputs(flow.id())) {
      glbs.add(engine.getOutput(flow.id(), output.id()).bytes());
    }
    return new DemoResult(flow, name, title, glbs);
  }

  List<ViewerPage.Entry> writeFiles(Path directory) throws IOException {
    List<ViewerPage.Entry> entries = new ArrayList<>();
    for (int i = 0; i < glbs.size(); i++) {
      String base = glbs.size() == 1 ? name : name + "-" + (i + 1);
      byte[] glb = glbs.get(i);
      Files.write(directory.resolve(base + ".glb"), glb);
      Model model = GltfModelReader.read(glb);
      ImageIO.write(
          SoftwareRenderer.render(model, PREVIEW_WIDTH, PREVIEW_HEIGHT),
          "png",
          directory.resolve(base + ".png").toFile());
      entries.add(
          new ViewerPage.Entry(
              title,
              String.format(
                  "%s, %,d triangles, %,d bytes",
                  flow.templateName(), model.triangleCount(), glb.length),
              base + ".glb",
              base + ".png",
              glb));
    }
    return entries;
  }

  static void printSummary(List<DemoResult> results, PrintStream out) throws IOException {
    out.println("summary:");
    out.printf(
        "  %-28s %-26s %-9s %10s %12s %8s%n",
        "file", "template", "state", "triangles", "bytes", "seconds");
    for (DemoResult result : results) {
      Flow flow = result.flow();
      Duration time =
          flow.startedAt() == null || flow.finishedAt() == null
              ? Duration.ZERO
              : Duration.between(flow.startedAt(), flow.finishedAt());
      if (result.glbs().isEmpty()) {
        out.printf(
            "  %-28s %-26s %-9s %10s %12s %8.2f  %s%n",
            "-",
            flow.templateName(),
            flow.state().wireName(),
            "-",
            "-",
            time.toMillis() / 1000.0,
            flow.error() == null ? "" : flow.error());
      }
      for (byte[] glb : result.glbs()) {
        out.printf(
            "  %-28s %-26s %-9s %,10d %,12d %8.2f%n",
            result.name() + ".glb",
            flow.templateName(),
            flow.state().wireName(),
            GltfModelReader.read(glb).triangleCount(),
            glb.length,
            time.toMillis() / 1000.0);
      }
    }
  }
}
