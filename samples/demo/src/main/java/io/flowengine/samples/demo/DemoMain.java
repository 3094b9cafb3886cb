package io.flowengine.samples.demo;

import io.flowengine.Asset;
import io.flowengine.Flow;
import io.flowengine.FlowEngine;
import io.flowengine.FlowPage;
import io.flowengine.FlowQuery;
import io.flowengine.FlowState;
import io.flowengine.NewAsset;
import io.flowengine.NewFlow;
import io.flowengine.samples.SampleTemplates;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The README's demo: runs one flow per reference template on an embedded engine (a prompt, the
 * bundled sample image, then the image's model through {@code model_optimize}), prints progress as
 * it goes, writes the GLBs, PNG previews and an HTML viewer page to the output directory, and ends
 * with a summary. Exit status 0 when every flow completed, 1 otherwise, 2 on bad usage.
 */
public final class DemoMain {
  private static final Duration FLOW_TIMEOUT = Duration.ofMinutes(5);

  private DemoMain() {}

  /** Runs the demo; see {@link DemoOptions#USAGE} for the arguments. */
  public static void main(String[] args) throws Exception {
    if (System.getProperty("logback.configurationFile") == null) {
      // Before any logger exists: the engine should log only warnings while the demo prints.
      System.setProperty(
          "logback.configurationFile", "io/flowengine/samples/demo/logback-demo.xml");
    }
    DemoOptions options;
    try {
      options = DemoOptions.parse(List.of(args));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    System.exit(run(options, System.out) ? 0 : 1);
  }

  /**
   * Runs the demo with {@code options}, printing to {@code out}.
   *
   * @return whether every flow completed
   * @throws IOException if the output directory cannot be written
   * @throws Exception if a flow does not finish within five minutes
   */
  public static boolean run(DemoOptions options, PrintStream out) throws Exception {
    long started = System.nanoTime();
    Files.createDirectories(options.dataDirectory());
    Files.createDirectories(options.outputDirectory());
    ProgressPrinter printer = new ProgressPrinter(out);
    FlowEngine.Builder builder = FlowEngine.builder().listener(printer);
    SampleTemplates.all().forEach(builder::template);
    String storage = DemoStorage.configure(builder, options.dataDirectory());
    try (FlowEngine engine = builder.build()) {
      out.println(
          "flowengine demo: storage "
              + storage
              + "; output "
              + options.outputDirectory().toAbsolutePath());
      listEarlierFlows(engine, out);
      List<DemoResult> results = new ArrayList<>();

      out.println("running model_generate_fromprompt and model_generate_fromimage:");
      Flow prompt =
          engine.createFlow(
              NewFlow.builder(SampleTemplates.FROM_PROMPT)
                  .parameter("quality", "high")
                  .parameter("seed", 7)
                  .parameter("texture", true)
                  .additional("{\"demo\":\"prompt\"}")
                  .input(NewAsset.text(options.prompt()))
                  .build());
      printer.label(prompt.id(), "prompt");
      Flow image;
      try (InputStream sample = DemoMain.class.getResourceAsStream("sample-image.png")) {
        if (sample == null) {
          throw new IllegalStateException("sample-image.png is missing from the samples jar");
        }
        image =
            engine.createFlow(
                NewFlow.builder(SampleTemplates.FROM_IMAGE)
                    .parameter("quality", "high")
                    .parameter("seed", 7)
                    .parameter("texture", true)
                    .additional("{\"demo\":\"image\"}")
                    .input(NewAsset.stream("image/png", sample))
                    .build());
      }
      printer.label(image.id(), "image");
      results.add(DemoResult.collect(engine, await(engine, prompt), "prompt", "Prompt as 3D text"));
      results.add(
          DemoResult.collect(
              engine, await(engine, image), "image-relief", "Sample image as relief"));

      DemoResult relief = results.get(1);
      if (relief.flow().state() == FlowState.COMPLETED) {
        out.println(
            "running model_optimize on the relief (polygon_count " + options.polygonCount() + "):");
        Asset reliefGlb = engine.listOutputs(relief.flow().id()).get(0);
        Flow optimize;
        try (InputStream glb = engine.getOutput(relief.flow().id(), reliefGlb.id()).openStream()) {
          optimize =
              engine.createFlow(
                  NewFlow.builder(SampleTemplates.OPTIMIZE)
                      .parameter("polygon_count", options.polygonCount())
                      .additional("{\"demo\":\"optimize\"}")
                      .input(NewAsset.stream(SampleTemplates.GLB, glb))
                      .build());
        }
        printer.label(optimize.id(), "optimize");
        results.add(
            DemoResult.collect(
                engine,
                await(engine, optimize),
                "image-relief-optimized",
                "Relief after model_optimize"));
      }
      List<ViewerPage.Entry> entries = new ArrayList<>();
      for (DemoResult result : results) {
        entries.addAll(result.writeFiles(options.outputDirectory()));
      }
      Path page = ViewerPage.write(options.outputDirectory(), entries);
      DemoResult.printSummary(results, out);
      out.printf(
          "wrote %s (open it in a browser) and %d GLB files with PNG previews; total %.1f s%n",
          page.toAbsolutePath(), entries.size(), (System.nanoTime() - started) / 1e9);
      return results.stream().allMatch(r -> r.flow().state() == FlowState.COMPLETED);
    }
  }

  private static Flow await(FlowEngine engine, Flow flow) throws Exception {
    return engine.awaitFlow(flow.id()).get(FLOW_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }

  private static void listEarlierFlows(FlowEngine engine, PrintStream out) {
    List<Flow> earlier = new ArrayList<>();
    FlowQuery query = FlowQuery.builder().limit(FlowQuery.MAX_LIMIT).build();
    FlowPage page = engine.listFlows(query);
    earlier.addAll(page.items());
    for (String next = page.nextCursor(); next != null; next = page.nextCursor()) {
      page = engine.listFlows(query.after(next));
      earlier.addAll(page.items());
    }
    if (earlier.isEmpty()) {
      out.println("no earlier flows in this data directory");
      return;
    }
    out.println(earlier.size() + " earlier flows in this data directory (latest 6):");
    for (Flow flow : earlier.subList(Math.max(0, earlier.size() - 6), earlier.size())) {
      out.printf(
          "  %s  %-26s %-9s created %s%n",
          flow.id(), flow.templateName(), flow.state().wireName(), flow.createdAt());
    }
  }
}
