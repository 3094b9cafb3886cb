package io.flowengine.samples.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowengine.samples.rest.wire.ErrorJson;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;

/**
 * Answers in JSON ({@code {"detail":"..."}}) the requests Helidon refuses before any route runs: a
 * body over the payload limit (413), a malformed request line or header (400), and the like.
 * Stateless.
 */
final class JsonDirectHandler implements DirectHandler {
  private final ObjectMapper mapper;

  JsonDirectHandler(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public TransportResponse handle(
      TransportRequest request,
      EventType eventType,
      Status defaultStatus,
      ServerResponseHeaders responseHeaders,
      String message) {
    String detail =
        defaultStatus.code() == Status.REQUEST_ENTITY_TOO_LARGE_413.code()
            ? "request body too large"
            : message == null || message.isBlank() ? defaultStatus.reasonPhrase() : message;
    byte[] body;
    try {
      body = mapper.writeValueAsBytes(new ErrorJson(detail));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    responseHeaders.set(HeaderNames.CONTENT_TYPE, ApiJson.CONTENT_TYPE);
    return TransportResponse.builder()
        .status(defaultStatus)
        .headers(responseHeaders)
        .entity(body)
        .build();
  }
}
