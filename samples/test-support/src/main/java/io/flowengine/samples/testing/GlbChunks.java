package io.flowengine.samples.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The JSON document and the binary chunk of a GLB, split apart as the glTF 2.0 specification lays
 * them out: a 12-byte header (magic, version 2, total length), a JSON chunk, an optional BIN chunk,
 * every chunk 4-byte aligned. Written apart from the templates' own reader on purpose, so the check
 * does not share that reader's mistakes. Immutable apart from the tree, which nobody changes.
 *
 * @param document the JSON chunk, an object
 * @param bin the BIN chunk, little-endian (empty if the file has none)
 */
record GlbChunks(JsonNode document, ByteBuffer bin) {
  private static final int MAGIC = 0x46546C67;
  private static final int JSON_CHUNK = 0x4E4F534A;
  private static final int BIN_CHUNK = 0x004E4942;
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  /**
   * Splits {@code glb} into its chunks.
   *
   * @throws StructureProblem if the header or a chunk breaks the layout, or the JSON chunk is not a
   *     UTF-8 JSON object
   */
  static GlbChunks parse(byte[] glb) throws StructureProblem {
    ByteBuffer in = ByteBuffer.wrap(glb).order(ByteOrder.LITTLE_ENDIAN);
    if (glb.length < 20) {
      throw new StructureProblem("a GLB has at least 20 bytes, this has " + glb.length);
    }
    if (in.getInt() != MAGIC) {
      throw new StructureProblem("not a GLB: the magic is not glTF");
    }
    int version = in.getInt();
    if (version != 2) {
      throw new StructureProblem("GLB version " + version + " is not 2");
    }
    int length = in.getInt();
    if (length != glb.length || length % 4 != 0) {
      throw new StructureProblem(
          "header declares " + length + " bytes, the file has " + glb.length);
    }
    ByteBuffer json = chunk(in, JSON_CHUNK, "JSON");
    ByteBuffer bin = in.hasRemaining() ? chunk(in, BIN_CHUNK, "BIN") : ByteBuffer.allocate(0);
    if (in.hasRemaining()) {
      throw new StructureProblem(in.remaining() + " bytes after the BIN chunk");
    }
    return new GlbChunks(document(json), bin.order(ByteOrder.LITTLE_ENDIAN));
  }

  /** Returns the elements of the top-level array {@code name}, or an empty list. */
  List<JsonNode> array(String name) {
    return JsonValues.elements(document, name);
  }

  private static ByteBuffer chunk(ByteBuffer in, int type, String name) throws StructureProblem {
    if (in.remaining() < 8) {
      throw new StructureProblem("truncated " + name + " chunk header at " + in.position());
    }
    int length = in.getInt();
    if (in.getInt() != type) {
      throw new StructureProblem("expected the " + name + " chunk at " + (in.position() - 8));
    }
    if (length < 0 || length > in.remaining() || length % 4 != 0) {
      throw new StructureProblem(
          name + " chunk declares " + length + " bytes (4-aligned), " + in.remaining() + " remain");
    }
    ByteBuffer data = in.slice(in.position(), length);
    in.position(in.position() + length);
    return data;
  }

  private static JsonNode document(ByteBuffer json) throws StructureProblem {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(json)
              .toString();
      JsonNode document = JSON.readTree(text);
      if (!document.isObject()) {
        throw new StructureProblem("the JSON chunk is not an object");
      }
      return document;
    } catch (CharacterCodingException e) {
      throw new StructureProblem("the JSON chunk is not UTF-8", e);
    } catch (JsonProcessingException e) {
      throw new StructureProblem("the JSON chunk is not JSON: " + e.getOriginalMessage(), e);
    }
  }
}
