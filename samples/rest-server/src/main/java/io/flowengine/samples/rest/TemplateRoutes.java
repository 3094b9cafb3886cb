package io.flowengine.samples.rest;

import io.flowengine.samples.rest.wire.TemplateJson;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code GET /templates} and {@code GET /templates/{id_or_name}}: {@code listTemplates} and {@code
 * getTemplate}. Thread-safe.
 */
final class TemplateRoutes implements HttpService {
  private final BearerAuthentication auth;
  private final JsonResponses responses;

  TemplateRoutes(BearerAuthentication auth, JsonResponses responses) {
    this.auth = auth;
    this.responses = responses;
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .get("/templates", this::list)
        .get("/templates/{idOrName}", this::get)
        .any("/templates", ApiErrorMapper.METHOD_NOT_ALLOWED)
        .any("/templates/{idOrName}", ApiErrorMapper.METHOD_NOT_ALLOWED);
  }

  private void list(ServerRequest req, ServerResponse res) {
    responses.ok(res, TemplateJson.ListJson.of(auth.operations(req).listTemplates()));
  }

  private void get(ServerRequest req, ServerResponse res) {
    String idOrName = req.path().pathParameters().get("idOrName");
    responses.ok(res, TemplateJson.of(auth.operations(req).getTemplate(idOrName)));
  }
}
