package io.flowengine.samples.rest;

import io.flowengine.AuthenticationException;
import io.flowengine.FlowStateException;
import io.flowengine.IdempotencyConflictException;
import io.flowengine.InvalidRequestException;
import io.flowengine.NotFoundException;
import io.flowengine.PayloadTooLargeException;
import io.flowengine.samples.rest.wire.ErrorJson;
import io.flowengine.samples.rest.wire.StateConflictJson;
import io.flowengine.samples.rest.wire.ValidationErrorJson;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps exceptions thrown while handling a request to the reference's error responses: 401 for a
 * missing, unknown, expired or revoked key; 404 for anything unknown or another account's; 409 for
 * an action the flow's state forbids (with the state); 406 for an asset asked for in a form it does
 * not have; 413 for a limit exceeded; 422 for a malformed request in FastAPI's {@code detail} form.
 * Anything else is the server's fault: 503 while it shuts down, otherwise 500, logged. Stateless
 * apart from the shutdown flag.
 */
final class ApiErrorMapper {
  private static final Logger log = LoggerFactory.getLogger(ApiErrorMapper.class);
  private static final Status UNPROCESSABLE = Status.create(422, "Unprocessable Entity");

  private final JsonResponses responses;
  private final BooleanSupplier stopping;

  ApiErrorMapper(JsonResponses responses, BooleanSupplier stopping) {
    this.responses = responses;
    this.stopping = stopping;
  }

  /**
   * A route for every method a path does not support: 405, as the reference answers, before the key
   * is checked.
   */
  static final Handler METHOD_NOT_ALLOWED =
      (req, res) -> {
        throw new HttpException("Method Not Allowed", Status.METHOD_NOT_ALLOWED_405);
      };

  /** Registers the mapping on {@code routing}. */
  void register(HttpRouting.Builder routing) {
    routing
        .error(MissingApiKeyException.class, (req, res, e) -> unauthorized(res, messageOf(e)))
        .error(AuthenticationException.class, (req, res, e) -> unauthorized(res, e.getMessage()))
        .error(NotFoundException.class, (req, res, e) -> detail(res, Status.NOT_FOUND_404, e))
        .error(
            FlowStateException.class,
            (req, res, e) -> responses.send(res, Status.CONFLICT_409, StateConflictJson.of(e)))
        .error(
            IdempotencyConflictException.class,
            (req, res, e) -> detail(res, Status.CONFLICT_409, e))
        .error(
            NotAcceptableException.class,
            (req, res, e) -> detail(res, Status.NOT_ACCEPTABLE_406, e))
        .error(PayloadTooLargeException.class, (req, res, e) -> tooLarge(res, e))
        .error(RequestTooLargeException.class, (req, res, e) -> tooLarge(res, e))
        .error(
            InvalidRequestException.class,
            (req, res, e) ->
                responses.send(
                    res, UNPROCESSABLE, new ValidationErrorJson(ViolationLocations.items(e))))
        .error(
            RequestValidationException.class,
            (req, res, e) ->
                responses.send(res, UNPROCESSABLE, new ValidationErrorJson(e.problems())))
        .error(HttpException.class, this::httpException)
        .error(Exception.class, this::unexpected);
  }

  private void unauthorized(ServerResponse res, String message) {
    res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer");
    responses.send(res, Status.UNAUTHORIZED_401, new ErrorJson(message));
  }

  private void tooLarge(ServerResponse res, Exception e) {
    responses.send(res, Status.REQUEST_ENTITY_TOO_LARGE_413, new ErrorJson(messageOf(e)));
  }

  private void detail(ServerResponse res, Status status, Exception e) {
    responses.send(res, status, new ErrorJson(messageOf(e)));
  }

  /** Returns what {@code e} says; every exception mapped to a 4xx here is made with a message. */
  private static String messageOf(Exception e) {
    String message = e.getMessage();
    return message != null ? message : e.getClass().getSimpleName();
  }

  private void httpException(ServerRequest req, ServerResponse res, HttpException e) {
    // The server's own refusals: no route (404), a malformed request line or query (400), ...
    Status status = e.status();
    String detail = status.code() == 404 ? "Not Found" : e.getMessage();
    responses.send(res, status, new ErrorJson(detail == null ? status.reasonPhrase() : detail));
  }

  private void unexpected(ServerRequest req, ServerResponse res, Exception e) {
    if (stopping.getAsBoolean() && e instanceof IllegalStateException) {
      responses.send(
          res, Status.SERVICE_UNAVAILABLE_503, new ErrorJson("the server is shutting down"));
      return;
    }
    log.error("{} {} failed", req.prologue().method().text(), req.path().path(), e);
    responses.send(res, Status.INTERNAL_SERVER_ERROR_500, new ErrorJson("Internal Server Error"));
  }
}
