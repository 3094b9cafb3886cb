package io.flowengine.samples.rest;

import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRoute;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The routes some services register, recorded by handing them this {@link HttpRules} in place of
 * the server's: each {@code METHOD /path} with its path parameters written {@code {}} (names differ
 * between Helidon's routes and the OpenAPI document), and the paths of their {@code any} fallbacks
 * (the 405s). A service registering a route in a way whose path cannot be seen fails the recording,
 * so no route escapes it.
 */
final class RecordedRoutes implements HttpRules {
  private final Set<String> operations = new LinkedHashSet<>();
  private final Set<String> fallbacks = new LinkedHashSet<>();

  /** Records the routes of {@code services}. */
  static RecordedRoutes of(List<HttpService> services) {
    RecordedRoutes routes = new RecordedRoutes();
    services.forEach(service -> service.routing(routes));
    return routes;
  }

  /** Returns {@code "GET /flows/{}"} and the like. */
  Set<String> operations() {
    return operations;
  }

  /** Returns the paths that answer 405 to methods they do not support. */
  Set<String> fallbacks() {
    return fallbacks;
  }

  /** Returns {@code path} with every {@code {name}} (or {@code {+name}}) written {@code {}}. */
  static String normalized(String path) {
    return path.replaceAll("\\{[^}]*}", "{}");
  }

  private HttpRules record(String method, String path) {
    operations.add(method + " " + normalized(path));
    return this;
  }

  @Override
  public HttpRules register(HttpService... services) {
    for (HttpService service : services) {
      service.routing(this);
    }
    return this;
  }

  @Override
  public HttpRules register(String pathPattern, HttpService... services) {
    throw new UnsupportedOperationException("services under a prefix are not recorded");
  }

  @Override
  public HttpRules route(HttpRoute route) {
    throw new UnsupportedOperationException("a route without a visible path: " + route);
  }

  @Override
  public HttpRules get(String pathPattern, Handler... handlers) {
    return record("GET", pathPattern);
  }

  @Override
  public HttpRules post(String pathPattern, Handler... handlers) {
    return record("POST", pathPattern);
  }

  @Override
  public HttpRules put(String pathPattern, Handler... handlers) {
    return record("PUT", pathPattern);
  }

  @Override
  public HttpRules delete(String pathPattern, Handler... handlers) {
    return record("DELETE", pathPattern);
  }

  @Override
  public HttpRules patch(String pathPattern, Handler... handlers) {
    return record("PATCH", pathPattern);
  }

  @Override
  public HttpRules head(String pathPattern, Handler... handlers) {
    return record("HEAD", pathPattern);
  }

  @Override
  public HttpRules options(String pathPattern, Handler... handlers) {
    return record("OPTIONS", pathPattern);
  }

  @Override
  public HttpRules trace(String pathPattern, Handler... handlers) {
    return record("TRACE", pathPattern);
  }

  @Override
  public HttpRules any(String pathPattern, Handler... handlers) {
    fallbacks.add(normalized(pathPattern));
    return this;
  }

  @Override
  public HttpRules get(Handler... handlers) {
    return unsupported();
  }

  @Override
  public HttpRules post(Handler... handlers) {
    return unsupported();
  }

  @Override
  public HttpRules put(Handler... handlers) {
    return unsupported();
  }

  @Override
  public HttpRules delete(Handler... handlers) {
    return unsupported();
  }

  @Override
  public HttpRules patch(Handler... handlers) {
    return unsupported();
  }

  @Override
  public HttpRules any(Handler... handlers) {
    return unsupported();
  }

  private HttpRules unsupported() {
    throw new UnsupportedOperationException("a route on every path is not recorded");
  }

  @Override
  public String toString() {
    return new ArrayList<>(operations).toString();
  }
}
