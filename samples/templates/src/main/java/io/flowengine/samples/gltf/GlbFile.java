package io.flowengine.samples.gltf;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * The two chunks of a GLB file: the parsed JSON document and the binary chunk. The binary chunk is
 * a read-only little-endian view. The document is a Jackson tree that {@link GlbReader} made for
 * this file alone; callers read it and do not change it. Thread-safe for readers as long as callers
 * use {@link #bin()}'s duplicates, which it returns.
 *
 * @param document the glTF JSON document, an object
 * @param binary the binary chunk (empty if the file has none)
 * @param totalLength the length declared in the header
 */
public record GlbFile(JsonNode document, ByteBuffer binary, int totalLength) {
  /** Checks both parts are present. */
  public GlbFile {
    requireNonNull(document, "document");
    binary = binary.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
  }

  /** Returns a fresh little-endian view of the binary chunk, positioned at 0. */
  public ByteBuffer bin() {
    return binary.duplicate().order(ByteOrder.LITTLE_ENDIAN).clear();
  }

  /** Returns the elements of the top-level array {@code name}, or an empty list. */
  public List<JsonNode> array(String name) {
    return JsonFields.elements(document, name);
  }
}
