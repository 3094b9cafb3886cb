package io.flowengine.samples.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /openapi.json}: the OpenAPI 3.1 description of this API, written by hand in {@code
 * openapi.yaml} beside this class (every endpoint, body, error form and the bearer scheme) and
 * served as JSON, read once at start. It needs no key, so tools and the docs page can read it.
 * Thread-safe.
 */
final class ApiDescription implements HttpService {
  static final String PATH = "/openapi.json";
  private static final String SOURCE = "openapi.yaml";

  private final byte[] json;

  ApiDescription(ObjectMapper mapper) {
    try {
      this.json = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(document());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the OpenAPI document", e);
    }
  }

  /** Returns the document as a JSON tree. */
  static JsonNode document() {
    try (InputStream in = ApiDescription.class.getResourceAsStream(SOURCE)) {
      if (in == null) {
        throw new IllegalStateException(SOURCE + " is missing from the rest-server jar");
      }
      return new YAMLMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + SOURCE, e);
    }
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get(PATH, (req, res) -> send(res)).any(PATH, ApiErrorMapper.METHOD_NOT_ALLOWED);
  }

  private void send(ServerResponse res) {
    res.status(Status.OK_200)
        .header(HeaderNames.CONTENT_TYPE, ApiJson.CONTENT_TYPE)
        .header(HeaderNames.CACHE_CONTROL, "no-cache")
        .send(json);
  }
}
