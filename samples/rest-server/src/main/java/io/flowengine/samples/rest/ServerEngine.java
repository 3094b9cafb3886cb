package io.flowengine.samples.rest;

import io.flowengine.EngineLimits;
import io.flowengine.FlowEngine;
import io.flowengine.Template;
import io.flowengine.testing.ReferenceTemplates;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The engine the server embeds: which templates it runs and where it keeps its data. The two
 * choices are one line each, so they can change as the other modules land.
 */
final class ServerEngine {
  private ServerEngine() {}

  /** Builds and starts the engine for {@code options}; it recovers unfinished flows. */
  static FlowEngine build(ServerOptions options) {
    FlowEngine.Builder builder =
        FlowEngine.builder()
            .limits(EngineLimits.builder().maxInputBytes(options.maxUploadBytes()).build())
            .maxRunningFlows(Math.max(2, Runtime.getRuntime().availableProcessors()))
            .shutdownTimeout(Duration.ofSeconds(10));
    templates().forEach(builder::template);
    configureStorage(builder, options.dataDirectory());
    return builder.build();
  }

  /**
   * Returns the templates served. TEMPLATE SWITCH: the fakes of the three reference templates
   * until the samples module (real GLB generation) is in main; then {@code
   * io.flowengine.samples.SampleTemplates.all()}.
   */
  static List<Template> templates() {
    return ReferenceTemplates.all();
  }

  /**
   * Sets where flows, assets and API keys are kept. STORAGE SWITCH: in memory until
   * engine-storage-h2 is in main; then {@code builder.storage(H2Storage.open(dataDirectory))}.
   */
  static void configureStorage(FlowEngine.Builder builder, Path dataDirectory) {
    // in memory: nothing to configure, and nothing survives a restart
  }

  /** Returns a one-line description of the storage, for the start banner. */
  static String describeStorage(Path dataDirectory) {
    return "in memory (engine-storage-h2 not in main yet; " + dataDirectory + " unused)";
  }
}
