package io.flowengine.samples.rest;

import io.flowengine.FlowEngine;
import io.flowengine.NewApiKey;
import io.flowengine.spi.EngineStorage;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Starts the Flows API server: builds the engine (recovering flows a previous run left unfinished),
 * creates an API key on first start and prints it once, listens, and on SIGTERM or Ctrl-C stops
 * gracefully: no new connections, requests in flight finish, then the engine closes, leaving
 * running flows to be recovered on the next start. Logs go to stderr; stdout carries the base URL
 * and the key.
 */
public final class RestServerMain {
  private static final Logger log = LoggerFactory.getLogger(RestServerMain.class);

  private RestServerMain() {}

  /** Runs the server with the flags of {@link ServerOptions#USAGE}. */
  public static void main(String[] args) {
    ServerOptions options;
    try {
      options = ServerOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(ServerOptions.USAGE);
      System.exit(2);
      return;
    }
    if (options.help()) {
      System.out.print(ServerOptions.USAGE);
      return;
    }
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    FlowEngine engine;
    String storageDescription;
    ServerMetrics metrics = ServerMetrics.create();
    try {
      EngineStorage storage = ServerEngine.openStorage(options, metrics);
      storageDescription = ServerEngine.describeStorage(options, storage);
      engine = ServerEngine.configure(options, metrics, storage).build();
      metrics.bindLoad(engine);
    } catch (RuntimeException e) {
      log.error(
          "cannot open {}: {}",
          options.postgres().isPresent()
              ? "the PostgreSQL database"
              : "the data directory " + options.dataDirectory(),
          e.getMessage(),
          e);
      System.exit(1);
      return;
    }
    FlowsApiServer server;
    Optional<NewApiKey> newKey;
    try {
      newKey = ApiKeyBootstrap.ensureKey(engine, Instant.now(), options.newKey());
      server =
          FlowsApiServer.builder(engine)
              .bind(options.bind())
              .port(options.port())
              .maxBodyBytes(options.maxBodyBytes())
              .metrics(metrics.registry())
              .start();
    } catch (RuntimeException e) {
      engine.close();
      log.error("cannot start: {}", e.getMessage(), e);
      System.exit(1);
      return;
    }
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> stop(server, engine), "flows-api-shutdown"));
    printBanner(System.out, server, storageDescription, newKey);
  }

  /** Stops in the order that lets requests finish and leaves running flows to recovery. */
  static void stop(FlowsApiServer server, FlowEngine engine) {
    log.info("stopping: finishing requests in flight");
    server.close();
    engine.close();
    log.info("stopped; unfinished flows are recovered on the next start");
  }

  private static void printBanner(
      PrintStream out, FlowsApiServer server, String storage, Optional<NewApiKey> newKey) {
    out.println("Flows API listening on " + server.baseUri());
    out.println("Storage: " + storage);
    if (newKey.isPresent()) {
      out.println("API key: " + newKey.get().secret());
      out.println(
          "  (shown once: keep it. Account '"
              + ApiKeyBootstrap.ACCOUNT
              + "', expires "
              + newKey.get().key().expiresAt()
              + ".)");
      out.println(
          "  curl -H \"Authorization: Bearer <API key>\" " + server.baseUri() + "/templates");
    } else {
      out.println("API key: created at an earlier start and shown then; --new-key prints another.");
    }
    out.println("Endpoints, flags and examples: samples/rest-server/README.md");
    out.flush();
  }
}
