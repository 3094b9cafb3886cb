package io.flowengine.samples.rest;

import io.flowengine.EngineLimits;
import io.flowengine.FlowEngine;
import io.flowengine.Template;
import io.flowengine.h2.H2Storage;
import io.flowengine.samples.SampleTemplates;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The engine the server embeds: the three reference templates implemented for real (GLB output), on
 * an H2 database in the data directory, so API keys and flows survive a restart and flows a stopped
 * server left unfinished run again when it starts.
 */
final class ServerEngine {
  private ServerEngine() {}

  /**
   * Builds and starts the engine for {@code options}; it recovers unfinished flows.
   *
   * @throws io.flowengine.StorageException if the data directory cannot be opened (for example,
   *     another server is using it)
   */
  static FlowEngine build(ServerOptions options) {
    return build(options, ServerMetrics.create());
  }

  /**
   * Builds and starts the engine for {@code options}, reporting to {@code metrics}; it recovers
   * unfinished flows.
   *
   * @throws io.flowengine.StorageException if the data directory cannot be opened
   */
  static FlowEngine build(ServerOptions options, ServerMetrics metrics) {
    FlowEngine.Builder builder =
        FlowEngine.builder()
            .limits(EngineLimits.builder().maxInputBytes(options.maxUploadBytes()).build())
            // the templates are CPU-bound: one running flow per core, the rest queue
            .maxRunningFlows(Math.max(2, Runtime.getRuntime().availableProcessors()))
            .shutdownTimeout(Duration.ofSeconds(10))
            .observer(metrics.engineMetrics());
    templates().forEach(builder::template);
    builder.storage(
        H2Storage.builder()
            .directory(options.dataDirectory())
            .commitListener(metrics.engineMetrics())
            .open());
    return builder.build();
  }

  /** Returns the templates served: {@link SampleTemplates#all()}. */
  static List<Template> templates() {
    return SampleTemplates.all();
  }

  /** Returns a one-line description of the storage, for the start banner. */
  static String describeStorage(Path dataDirectory) {
    return "H2 in " + dataDirectory.toAbsolutePath().normalize();
  }
}
