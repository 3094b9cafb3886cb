package io.flowengine.samples.rest;

import io.flowengine.EngineLimits;
import io.flowengine.FlowEngine;
import io.flowengine.Template;
import io.flowengine.h2.H2Storage;
import io.flowengine.postgres.PostgresStorage;
import io.flowengine.samples.SampleTemplates;
import io.flowengine.spi.EngineStorage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The engine the server embeds: the three reference templates implemented for real (GLB output), on
 * an H2 database in the data directory, so API keys and flows survive a restart and flows a stopped
 * server left unfinished run again when it starts; or, with {@code --postgres}, on a PostgreSQL
 * database as one node of a cluster: every server on that database serves the same flows and API
 * keys, runs its share of the flows, and takes over those of a server that stopped or died.
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
    return configure(options, metrics, openStorage(options, metrics)).build();
  }

  /**
   * Returns the engine's builder for {@code options} on {@code storage} (which the engine closes),
   * so a test can add templates before building it.
   */
  static FlowEngine.Builder configure(
      ServerOptions options, ServerMetrics metrics, EngineStorage storage) {
    FlowEngine.Builder builder =
        FlowEngine.builder()
            .limits(EngineLimits.builder().maxInputBytes(options.maxUploadBytes()).build())
            // the templates are CPU-bound: one running flow per core, the rest queue
            .maxRunningFlows(Math.max(2, Runtime.getRuntime().availableProcessors()))
            .shutdownTimeout(Duration.ofSeconds(10))
            .observer(metrics.engineMetrics());
    templates().forEach(builder::template);
    builder.storage(storage);
    return builder;
  }

  /**
   * Opens the storage {@code options} name: H2 in the data directory, or PostgreSQL in cluster
   * mode.
   *
   * @throws io.flowengine.StorageException if it cannot be opened (for example, another server is
   *     using the data directory, or the database refuses the login)
   */
  static EngineStorage openStorage(ServerOptions options, ServerMetrics metrics) {
    if (options.postgres().isEmpty()) {
      return H2Storage.builder()
          .directory(options.dataDirectory())
          .commitListener(metrics.engineMetrics())
          .open();
    }
    ServerOptions.Postgres postgres = options.postgres().get();
    PostgresStorage.Builder storage =
        PostgresStorage.builder()
            .url(postgres.url())
            .commitListener(metrics.engineMetrics())
            .cluster();
    if (postgres.user() != null) {
      storage.credentials(postgres.user(), postgres.password() == null ? "" : postgres.password());
    }
    if (postgres.nodeId() != null) {
      storage.nodeId(postgres.nodeId());
    }
    return storage.open();
  }

  /** Returns the templates served: {@link SampleTemplates#all()}. */
  static List<Template> templates() {
    return SampleTemplates.all();
  }

  /** Returns a one-line description of the storage, for the start banner. */
  static String describeStorage(Path dataDirectory) {
    return "H2 in " + dataDirectory.toAbsolutePath().normalize();
  }

  /** Returns a one-line description of {@code storage}, for the start banner. */
  static String describeStorage(ServerOptions options, EngineStorage storage) {
    if (options.postgres().isEmpty()) {
      return describeStorage(options.dataDirectory());
    }
    return storage + ", cluster mode"; // names the database and the node, never the password
  }
}
