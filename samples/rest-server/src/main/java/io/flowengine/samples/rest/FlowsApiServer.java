package io.flowengine.samples.rest;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowengine.FlowEngine;
import io.helidon.http.DirectHandler;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * The Flows API over HTTP: a Helidon web server whose routes call an embedded {@link FlowEngine}
 * one endpoint to one method, its OpenAPI description at {@code /openapi.json}, and the pages for
 * people: the dashboard at {@code /dashboard/} and the API docs at {@code /docs/}. Each request
 * runs on its own virtual thread. Request bodies are limited to {@link Builder#maxBodyBytes} before
 * they are read; responses with asset content are streamed. {@link #close()} stops accepting
 * connections, lets requests in flight finish within the grace period, then returns; it does not
 * close the engine, which the caller owns.
 *
 * <pre>{@code
 * try (FlowsApiServer server = FlowsApiServer.builder(engine).port(0).start()) {
 *   URI base = server.baseUri();
 * }
 * }</pre>
 */
public final class FlowsApiServer implements AutoCloseable {
  private final WebServer webServer;
  private final String host;
  private final AtomicBoolean stopping;

  private FlowsApiServer(WebServer webServer, String host, AtomicBoolean stopping) {
    this.webServer = webServer;
    this.host = host;
    this.stopping = stopping;
  }

  /** Starts configuring a server for {@code engine}: loopback, port 8080, 96 MiB bodies. */
  public static Builder builder(FlowEngine engine) {
    return new Builder(engine);
  }

  /** Returns the port the server listens on (the actual one when started on port 0). */
  public int port() {
    return webServer.port();
  }

  /** Returns {@code http://<bind address>:<port>}, the base URL clients use. */
  public URI baseUri() {
    String shown = host.contains(":") ? "[" + host + "]" : host;
    return URI.create("http://" + shown + ":" + port());
  }

  /** Returns whether the server is accepting requests. */
  public boolean isRunning() {
    return webServer.isRunning();
  }

  /**
   * Stops the server: no new connections, requests in flight finish (up to the grace period), then
   * connections close. Idempotent. The engine stays open.
   */
  @Override
  public void close() {
    if (stopping.compareAndSet(false, true)) {
      webServer.stop();
    }
  }

  /** Configures a {@link FlowsApiServer}. Not thread-safe. */
  public static final class Builder {
    private final FlowEngine engine;
    private String host = "127.0.0.1";
    private int port = 8080;
    private long maxBodyBytes = 96L << 20;
    private Duration gracePeriod = Duration.ofSeconds(10);
    private @Nullable PrometheusMeterRegistry metrics;

    private Builder(FlowEngine engine) {
      this.engine = requireNonNull(engine, "engine");
    }

    /** Sets the address to listen on (default {@code 127.0.0.1}, loopback only). */
    public Builder bind(String host) {
      this.host = requireNonNull(host, "host");
      return this;
    }

    /** Sets the port (default 8080); 0 picks a free one, see {@link FlowsApiServer#port()}. */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be 0 to 65535: " + port);
      }
      this.port = port;
      return this;
    }

    /** Sets the largest request body accepted; a larger one is refused with 413 unread. */
    public Builder maxBodyBytes(long maxBodyBytes) {
      if (maxBodyBytes <= 0) {
        throw new IllegalArgumentException("maxBodyBytes must be positive: " + maxBodyBytes);
      }
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    /** Sets how long {@link FlowsApiServer#close()} lets requests in flight finish (10 s). */
    public Builder gracePeriod(Duration gracePeriod) {
      if (gracePeriod.isNegative()) {
        throw new IllegalArgumentException("gracePeriod must not be negative: " + gracePeriod);
      }
      this.gracePeriod = gracePeriod;
      return this;
    }

    /**
     * Serves {@code registry} at {@code /metrics} (by default a registry of the server's own, with
     * no engine meters in it: give the one the engine reports to, see {@code ServerMetrics}).
     */
    public Builder metrics(PrometheusMeterRegistry registry) {
      this.metrics = requireNonNull(registry, "registry");
      return this;
    }

    /**
     * Starts the server; it is listening when this returns.
     *
     * @throws IllegalStateException if it cannot listen on the address and port
     */
    public FlowsApiServer start() {
      ObjectMapper mapper = ApiJson.mapper(maxBodyBytes);
      AtomicBoolean stopping = new AtomicBoolean();
      ServerRoutes routes =
          metrics == null
              ? ServerRoutes.create(engine, mapper)
              : ServerRoutes.create(engine, mapper, metrics);
      HttpRouting.Builder routing = HttpRouting.builder();
      routes.api().forEach(routing::register);
      routes.pages().forEach(routing::register);
      new ApiErrorMapper(new JsonResponses(mapper), stopping::get).register(routing);
      DirectHandler jsonErrors = new JsonDirectHandler(mapper);
      WebServer webServer =
          WebServer.builder()
              .host(host)
              .port(port)
              .maxPayloadSize(maxBodyBytes)
              .shutdownGracePeriod(gracePeriod)
              .shutdownHook(false)
              .directHandlers(
                  handlers -> {
                    for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
                      handlers.addHandler(type, jsonErrors);
                    }
                  })
              .routing(routing)
              .build()
              .start();
      if (!webServer.isRunning()) {
        // Helidon logs the cause (address in use, unknown host) and returns a stopped server.
        throw new IllegalStateException("cannot listen on " + host + ":" + port + "; see the log");
      }
      return new FlowsApiServer(webServer, host, stopping);
    }
  }
}
