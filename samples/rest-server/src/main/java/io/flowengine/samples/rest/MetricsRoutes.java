package io.flowengine.samples.rest;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /metrics}: the server's Micrometer meters (the engine's, see engine-micrometer's
 * README) in the Prometheus text format, version 0.0.4. Needs no key, as Prometheus scrapes without
 * one; the server listens on loopback unless told otherwise. Thread-safe.
 */
final class MetricsRoutes implements HttpService {
  static final String PATH = "/metrics";
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry;

  MetricsRoutes(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get(PATH, this::scrape).any(PATH, ApiErrorMapper.METHOD_NOT_ALLOWED);
  }

  private void scrape(ServerRequest req, ServerResponse res) {
    res.status(Status.OK_200)
        .header(HeaderNames.CONTENT_TYPE, CONTENT_TYPE)
        .header(HeaderNames.CACHE_CONTROL, "no-cache")
        .send(registry.scrape().getBytes(StandardCharsets.UTF_8));
  }
}
