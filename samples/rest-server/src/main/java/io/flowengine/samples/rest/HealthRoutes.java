package io.flowengine.samples.rest;

import io.flowengine.EngineLoad;
import io.flowengine.FlowEngine;
import io.flowengine.FlowQuery;
import io.flowengine.StorageException;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /health}: whether the engine's storage answers (a one-flow listing read through it)
 * and the engine's load. 200 with {@code "status": "UP"}, or 503 with {@code "DOWN"} and the reason
 * when the storage cannot be read or the engine is closed. Needs no key, so a load balancer or an
 * orchestrator can ask. Thread-safe.
 */
final class HealthRoutes implements HttpService {
  static final String PATH = "/health";
  private static final Logger log = LoggerFactory.getLogger(HealthRoutes.class);
  private static final FlowQuery PROBE = FlowQuery.builder().limit(1).build();

  private final FlowEngine engine;
  private final JsonResponses responses;

  HealthRoutes(FlowEngine engine, JsonResponses responses) {
    this.engine = engine;
    this.responses = responses;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get(PATH, this::health).any(PATH, ApiErrorMapper.METHOD_NOT_ALLOWED);
  }

  private void health(ServerRequest req, ServerResponse res) {
    Map<String, Object> body = new LinkedHashMap<>();
    String problem = null;
    try {
      engine.listFlows(PROBE);
    } catch (StorageException | IllegalStateException e) {
      problem = e.getMessage() != null ? e.getMessage() : e.getClass().getName();
      log.warn("health check: the storage did not answer: {}", problem);
    }
    EngineLoad load = engine.load();
    body.put("status", problem == null ? "UP" : "DOWN");
    body.put("storage", problem == null ? "UP" : "DOWN");
    if (problem != null) {
      body.put("detail", problem);
    }
    body.put("running_flows", load.runningFlows());
    body.put("queued_flows", load.queuedFlows());
    responses.send(res, problem == null ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503, body);
  }
}
