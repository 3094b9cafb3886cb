package io.flowengine.samples.gltf;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/**
 * The two chunks of a GLB file: the parsed JSON document and the binary chunk. The binary chunk
 * is a read-only little-endian view; the document's maps and lists are unmodifiable.
 * Thread-safe as long as callers use {@link #bin()}'s duplicates, which it returns.
 *
 * @param document the glTF JSON document
 * @param binary the binary chunk (empty if the file has none)
 * @param totalLength the length declared in the header
 */
public record GlbFile(Map<String, Object> document, ByteBuffer binary, int totalLength) {
  /** Checks both parts are present. */
  public GlbFile {
    requireNonNull(document, "document");
    binary = binary.asReadOnlyBuffer().order(java.nio.ByteOrder.LITTLE_ENDIAN);
  }

  /** Returns a fresh little-endian view of the binary chunk, positioned at 0. */
  public ByteBuffer bin() {
    return binary.duplicate().order(java.nio.ByteOrder.LITTLE_ENDIAN).clear();
  }

  /** Returns the top-level array {@code name}, or an empty list. */
  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> array(String name) {
    Object value = document.get(name);
    return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
  }
}
