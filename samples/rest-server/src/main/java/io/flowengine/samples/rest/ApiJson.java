package io.flowengine.samples.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * The server's Jackson configuration. Reading is strict about types the way the reference's
 * validation is (a number is not a string, a string is not a list) and lenient about unknown fields
 * (ignored, as the reference ignores them). A JSON string may be as long as the largest request
 * body, so an upload's data URI is limited by the body limit, not by Jackson's default.
 */
final class ApiJson {
  /** The content type of every JSON response. */
  static final String CONTENT_TYPE = "application/json";

  private ApiJson() {}

  /** Returns a mapper that accepts strings of up to {@code maxBodyBytes} characters. */
  static ObjectMapper mapper(long maxBodyBytes) {
    int maxString = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(maxBodyBytes, 1));
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder().maxStringLength(maxString).build())
            .build();
    JsonMapper mapper =
        JsonMapper.builder(factory)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    mapper
        .coercionConfigDefaults()
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    return mapper;
  }
}
