package io.flowengine.samples.rest;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The pages for people, beside the API: the dashboard at {@code /dashboard/} ({@code /} leads
 * there), the API documentation at {@code /docs/} (Swagger UI rendering {@code /openapi.json}), and
 * the browser libraries they load from {@code /vendor/}. Files need no key: the dashboard asks for
 * one and sends it with each API call. Not part of the API, so not in its OpenAPI document.
 * Thread-safe.
 */
final class WebPages implements HttpService {
  private final WebFiles files = new WebFiles();

  @Override
  public void routing(HttpRules rules) {
    rules
        .get("/", (req, res) -> redirect(res, "/dashboard/"))
        .get("/dashboard", (req, res) -> redirect(res, "/dashboard/"))
        .get("/dashboard/", (req, res) -> files.send(res, "dashboard/index.html"))
        .get("/dashboard/{+file}", (req, res) -> files.send(res, "dashboard/" + file(req)))
        .get("/docs", (req, res) -> redirect(res, "/docs/"))
        .get("/docs/", (req, res) -> files.send(res, "docs/index.html"))
        .get("/docs/{+file}", (req, res) -> files.send(res, "docs/" + file(req)))
        .get("/vendor/{+file}", (req, res) -> files.send(res, "vendor/" + file(req)));
  }

  private static String file(ServerRequest req) {
    return req.path().pathParameters().get("file");
  }

  private static void redirect(ServerResponse res, String location) {
    res.status(Status.SEE_OTHER_303).header(HeaderNames.LOCATION, location).send();
  }
}
