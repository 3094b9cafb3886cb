package io.flowengine.samples.rest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowengine.AssetContent;
import io.flowengine.samples.rest.wire.AssetJson;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Writes JSON responses: small bodies as one array, and asset bodies with their content as a
 * stream, so a large output is copied from the store to the socket in chunks and never held as a
 * string. Thread-safe.
 */
final class JsonResponses {
  /** Opens an asset's content; the call may fail like any engine call. */
  @FunctionalInterface
  interface ContentSource {
    AssetContent open(String assetId);
  }

  private final ObjectMapper mapper;

  JsonResponses(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** Sends {@code body} with status 200. */
  void ok(ServerResponse response, Object body) {
    send(response, Status.OK_200, body);
  }

  /** Sends {@code body} with {@code status}. */
  void send(ServerResponse response, Status status, Object body) {
    byte[] bytes;
    try {
      bytes = mapper.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + body.getClass().getSimpleName(), e);
    }
    response.status(status).header(HeaderNames.CONTENT_TYPE, ApiJson.CONTENT_TYPE).send(bytes);
  }

  /** Streams one asset: its metadata, then {@code "data"}, its content as a data URI. */
  void assetWithData(ServerResponse response, AssetContent content) {
    stream(response, (generator, out) -> writeAsset(generator, out, content));
  }

  /**
   * Streams {@code {"flow_id":..., "<listName>":[asset, ...]}} where each asset carries its content
   * as {@code "data"}, opened one at a time.
   */
  void assetsWithData(
      ServerResponse response,
      String flowId,
      String listName,
      List<String> assetIds,
      ContentSource contents) {
    stream(
        response,
        (generator, out) -> {
          generator.writeStartObject();
          generator.writeStringField("flow_id", flowId);
          generator.writeArrayFieldStart(listName);
          for (String assetId : assetIds) {
            writeAsset(generator, out, contents.open(assetId));
          }
          generator.writeEndArray();
          generator.writeEndObject();
        });
  }

  private interface StreamedBody {
    void write(JsonGenerator generator, OutputStream out) throws IOException;
  }

  private void stream(ServerResponse response, StreamedBody body) {
    response.status(Status.OK_200).header(HeaderNames.CONTENT_TYPE, ApiJson.CONTENT_TYPE);
    try (OutputStream out = response.outputStream();
        JsonGenerator generator = mapper.createGenerator(out)) {
      body.write(generator, out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stream the response", e);
    }
  }

  private void writeAsset(JsonGenerator generator, OutputStream out, AssetContent content)
      throws IOException {
    ObjectNode metadata = mapper.valueToTree(AssetJson.of(content.asset()));
    generator.writeStartObject();
    for (Map.Entry<String, JsonNode> field : metadata.properties()) {
      generator.writeFieldName(field.getKey());
      generator.writeTree(field.getValue());
    }
    generator.writeFieldName("data");
    // A data URI needs no JSON escaping (a validated media type and base64), so the string is
    // opened through the generator, which then counts the value as written, filled straight from
    // the store, and closed again.
    generator.writeRawValue("\"");
    generator.flush();
    content.writeDataUri(out);
    generator.writeRaw('"');
    generator.writeEndObject();
  }
}
