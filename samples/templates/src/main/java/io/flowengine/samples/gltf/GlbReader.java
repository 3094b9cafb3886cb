package io.flowengine.samples.gltf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads the container of a glTF 2.0 binary (GLB): the 12-byte header, the JSON chunk and the
 * optional binary chunk, checking magic, version, declared lengths and 4-byte alignment of every
 * chunk as the specification requires; {@link GltfModelReader} turns what the JSON says into a
 * model. Stateless and thread-safe.
 */
public final class GlbReader {
  private GlbReader() {}

  /**
   * Parses {@code glb}.
   *
   * @throws GlbFormatException if the header, a chunk or the JSON is malformed
   */
  public static GlbFile read(byte[] glb) throws GlbFormatException {
    ByteBuffer in = ByteBuffer.wrap(glb).order(ByteOrder.LITTLE_ENDIAN);
    if (glb.length < 20) {
      throw new GlbFormatException("a GLB has at least 20 bytes, this has " + glb.length);
    }
    int magic = in.getInt();
    if (magic != GlbWriter.MAGIC) {
      throw new GlbFormatException(String.format("not a GLB: magic is 0x%08x, not glTF", magic));
    }
    int version = in.getInt();
    if (version != 2) {
      throw new GlbFormatException("GLB version " + version + " is not 2");
    }
    int length = in.getInt();
    if (length != glb.length) {
      throw new GlbFormatException(
          "header declares " + length + " bytes but the file has " + glb.length);
    }
    if (length % 4 != 0) {
      throw new GlbFormatException("GLB length " + length + " is not a multiple of 4");
    }
    ByteBuffer json = chunk(in, GlbWriter.CHUNK_JSON, "JSON");
    ByteBuffer bin = ByteBuffer.allocate(0);
    if (in.hasRemaining()) {
      bin = chunk(in, GlbWriter.CHUNK_BIN, "BIN");
    }
    if (in.hasRemaining()) {
      throw new GlbFormatException(in.remaining() + " bytes after the BIN chunk");
    }
    return new GlbFile(parseJson(json), bin, length);
  }

  /**
   * Checks the start of a GLB, as an upload check sees it: the header (magic, version, a length
   * that is a multiple of 4 and, when {@code complete}, the file's own) and the JSON chunk, parsed
   * when the sample holds it whole.
   *
   * @param head the first bytes of the file
   * @param complete whether {@code head} is the whole file
   * @throws GlbFormatException if what the sample holds is malformed
   */
  public static void checkStart(byte[] head, boolean complete) throws GlbFormatException {
    if (complete) {
      read(head);
      return;
    }
    if (head.length < 20) {
      throw new GlbFormatException("a GLB has at least 20 bytes, this has " + head.length);
    }
    ByteBuffer in = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
    int magic = in.getInt();
    if (magic != GlbWriter.MAGIC) {
      throw new GlbFormatException(String.format("not a GLB: magic is 0x%08x, not glTF", magic));
    }
    int version = in.getInt();
    if (version != 2) {
      throw new GlbFormatException("GLB version " + version + " is not 2");
    }
    long length = Integer.toUnsignedLong(in.getInt());
    if (length % 4 != 0 || length <= head.length) {
      throw new GlbFormatException(
          "header declares " + length + " bytes, but more than " + head.length + " follow");
    }
    long jsonLength = Integer.toUnsignedLong(in.getInt());
    int jsonType = in.getInt();
    if (jsonType != GlbWriter.CHUNK_JSON) {
      throw new GlbFormatException(
          String.format("expected the JSON chunk at 12, found type 0x%08x", jsonType));
    }
    if (jsonLength % 4 != 0 || 20 + jsonLength > length) {
      throw new GlbFormatException(
          "JSON chunk declares " + jsonLength + " bytes in a " + length + "-byte file");
    }
    if (20 + jsonLength <= head.length) {
      parseJson(in.slice(20, (int) jsonLength));
    }
  }

  private static ByteBuffer chunk(ByteBuffer in, int type, String name) throws GlbFormatException {
    if (in.remaining() < 8) {
      throw new GlbFormatException("truncated " + name + " chunk header at " + in.position());
    }
    int chunkLength = in.getInt();
    int chunkType = in.getInt();
    if (chunkType != type) {
      throw new GlbFormatException(
          String.format(
              "expected the %s chunk at %d, found type 0x%08x",
              name, in.position() - 8, chunkType));
    }
    if (chunkLength < 0 || chunkLength > in.remaining()) {
      throw new GlbFormatException(
          name + " chunk declares " + chunkLength + " bytes, " + in.remaining() + " remain");
    }
    if (chunkLength % 4 != 0) {
      throw new GlbFormatException(name + " chunk length " + chunkLength + " is not 4-aligned");
    }
    ByteBuffer data = in.slice(in.position(), chunkLength).order(ByteOrder.LITTLE_ENDIAN);
    in.position(in.position() + chunkLength);
    return data;
  }

  private static JsonNode parseJson(ByteBuffer json) throws GlbFormatException {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(json)
              .toString();
    } catch (CharacterCodingException e) {
      throw new GlbFormatException("JSON chunk is not UTF-8", e);
    }
    JsonNode document;
    try {
      document = JsonFields.parse(text);
    } catch (JsonProcessingException e) {
      throw new GlbFormatException(
          "JSON chunk: " + e.getOriginalMessage() + " at " + location(e), e);
    }
    if (!document.isObject()) {
      throw new GlbFormatException("JSON chunk is not an object");
    }
    return document;
  }

  private static String location(JsonProcessingException e) {
    var at = e.getLocation();
    return at == null ? "an unknown offset" : "offset " + at.getCharOffset();
  }
}
