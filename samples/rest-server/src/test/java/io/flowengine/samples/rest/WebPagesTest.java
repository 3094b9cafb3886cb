package io.flowengine.samples.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pages for people are served without a key, with their content types, from the jar: the
 * dashboard, the docs page and the browser libraries bundled at build time; nothing outside the web
 * directory is reachable.
 */
class WebPagesTest {
  private static ApiTestServer server;

  @BeforeAll
  static void start() {
    server = ApiTestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ParameterizedTest
  @CsvSource({
    "/dashboard/, text/html; charset=utf-8",
    "/dashboard/js/main.js, text/javascript; charset=utf-8",
    "/dashboard/dashboard.css, text/css; charset=utf-8",
    "/docs/, text/html; charset=utf-8",
    "/vendor/three/build/three.module.min.js, text/javascript; charset=utf-8",
    "/vendor/three/examples/jsm/loaders/GLTFLoader.js, text/javascript; charset=utf-8",
    "/vendor/swagger-ui/swagger-ui-bundle.js, text/javascript; charset=utf-8",
    "/vendor/swagger-ui/swagger-ui.css, text/css; charset=utf-8"
  })
  void page_isServedWithoutAKey(String path, String contentType) {
    ApiClient.Response response = server.anonymous().get(path);
    assertThat(response.status()).as(path).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue(contentType);
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(response.body()).isNotBlank();
  }

  @ParameterizedTest
  @CsvSource({"/, /dashboard/", "/dashboard, /dashboard/", "/docs, /docs/"})
  void shortPath_redirectsToThePage(String path, String location) throws Exception {
    HttpResponse<String> response =
        ApiClient.http()
            .send(
                HttpRequest.newBuilder(URI.create(server.server.baseUri() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(303);
    assertThat(response.headers().firstValue("Location")).hasValue(location);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/dashboard/missing.js",
        "/dashboard/%2e%2e/%2e%2e/openapi.yaml",
        "/vendor/..%2fopenapi.yaml",
        "/vendor/three/LICENSE",
        "/dashboard/.hidden.js",
        "/vendor/three/build/"
      })
  void pathOutsideTheWebFiles_is404(String path) {
    ApiClient.Response response = server.anonymous().get(path);
    assertThat(response.status()).as(path).isEqualTo(404);
    assertThat(response.json().get("detail").asText()).isEqualTo("Not Found");
  }

  @Test
  void dashboard_loadsNothingFromElsewhere() {
    String page = server.anonymous().get("/dashboard/").body();
    assertThat(page).contains("/vendor/three/build/three.module.min.js").doesNotContain("https://");
    assertThat(server.anonymous().get("/docs/").body()).doesNotContain("https://");
  }
}
