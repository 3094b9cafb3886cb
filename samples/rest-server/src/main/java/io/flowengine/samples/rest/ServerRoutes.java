package io.flowengine.samples.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowengine.FlowEngine;
import io.helidon.webserver.http.HttpService;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;

/**
 * What the server routes: the API's services, every route of which {@code openapi.yaml} documents
 * (a test checks both directions from these very services), and the pages for people, which are not
 * API.
 *
 * @param api the Flows API and its description at {@code /openapi.json}
 * @param pages the dashboard, the docs page and the libraries they load
 */
record ServerRoutes(List<HttpService> api, List<HttpService> pages) {
  /** Copies the lists. */
  ServerRoutes {
    api = List.copyOf(api);
    pages = List.copyOf(pages);
  }

  /** Returns the server's services for {@code engine}, with metrics of its own. */
  static ServerRoutes create(FlowEngine engine, ObjectMapper mapper) {
    return create(engine, mapper, ServerMetrics.create().registry());
  }

  /**
   * Returns the server's services for {@code engine}, writing JSON with {@code mapper} and serving
   * {@code registry} at {@code /metrics}.
   */
  static ServerRoutes create(
      FlowEngine engine, ObjectMapper mapper, PrometheusMeterRegistry registry) {
    JsonResponses responses = new JsonResponses(mapper);
    JsonBodyReader bodies = new JsonBodyReader(mapper);
    BearerAuthentication auth = new BearerAuthentication(engine);
    return new ServerRoutes(
        List.of(
            new TemplateRoutes(auth, responses),
            new FlowRoutes(auth, bodies, responses),
            new InputRoutes(auth, bodies, responses),
            new OutputRoutes(auth, responses),
            new ApiDescription(mapper),
            new HealthRoutes(engine, responses),
            new MetricsRoutes(registry)),
        List.of(new WebPages()));
  }
}
