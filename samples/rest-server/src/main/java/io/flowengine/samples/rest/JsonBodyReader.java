package io.flowengine.samples.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a JSON request body into a wire record. The body is already bounded by the server's payload
 * limit (a larger one is refused with 413 before this runs); what Jackson refuses becomes a 422
 * whose {@code loc} is the JSON path of the problem, e.g. {@code ["body","inputs",1,"data"]}.
 * Thread-safe.
 */
final class JsonBodyReader {
  private static final Pattern SOURCE_NOTE =
      Pattern.compile("\\s*\\(start marker at \\[Source:.*?\\]\\)");

  private final ObjectMapper mapper;

  JsonBodyReader(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * Reads the body of {@code request} as {@code type}.
   *
   * @throws RequestValidationException if the body is empty, not JSON, or of the wrong shape
   * @throws RequestTooLargeException if a value exceeds a parser limit
   */
  <T> T read(ServerRequest request, Class<T> type) {
    T value;
    try (InputStream body = request.content().inputStream()) {
      value = mapper.readValue(body, type);
    } catch (StreamConstraintsException e) {
      throw new RequestTooLargeException(
          "request body exceeds a JSON limit: " + e.getOriginalMessage());
    } catch (JsonParseException e) {
      long offset = e.getLocation() == null ? 0 : e.getLocation().getCharOffset();
      throw RequestValidationException.of(
          List.of("body", Math.max(offset, 0)),
          "JSON decode error: " + shortMessage(e),
          "json_invalid");
    } catch (MismatchedInputException e) {
      throw mismatch(e);
    } catch (JsonMappingException e) {
      throw RequestValidationException.of(location(e), shortMessage(e), "value_error");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the request body", e);
    }
    if (value == null) { // the body is the JSON literal null
      throw RequestValidationException.of(
          List.of("body"),
          "Input should be a valid dictionary or object to extract fields from",
          "model_attributes_type");
    }
    return value;
  }

  /** Returns Jackson's message without its source description, at most 200 characters. */
  private static String shortMessage(JsonProcessingException e) {
    String message = SOURCE_NOTE.matcher(e.getOriginalMessage()).replaceAll("");
    return message.length() <= 200 ? message : message.substring(0, 200) + "...";
  }

  private static RequestValidationException mismatch(MismatchedInputException e) {
    List<Object> loc = location(e);
    if (loc.size() == 1 && e.getOriginalMessage().startsWith("No content to map")) {
      return RequestValidationException.of(loc, "Field required", "missing");
    }
    Class<?> target = e.getTargetType();
    if (target == null) {
      return RequestValidationException.of(loc, e.getOriginalMessage(), "value_error");
    }
    if (target == String.class) {
      return RequestValidationException.of(loc, "Input should be a valid string", "string_type");
    }
    if (Collection.class.isAssignableFrom(target)) {
      return RequestValidationException.of(loc, "Input should be a valid list", "list_type");
    }
    if (Map.class.isAssignableFrom(target)) {
      return RequestValidationException.of(loc, "Input should be a valid dictionary", "dict_type");
    }
    if (target.isRecord()) {
      return RequestValidationException.of(
          loc,
          "Input should be a valid dictionary or object to extract fields from",
          "model_attributes_type");
    }
    return RequestValidationException.of(loc, e.getOriginalMessage(), "value_error");
  }

  private static List<Object> location(JsonMappingException e) {
    List<Object> loc = new ArrayList<>();
    loc.add("body");
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        loc.add(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        loc.add(reference.getIndex());
      }
    }
    return loc;
  }
}
