package io.flowengine.samples.mesh;

import static java.util.Objects.requireNonNull;

/**
 * An encoded image used as a texture, as stored in a GLB. The array is not copied; nobody modifies
 * it after construction, so the texture is immutable and thread-safe.
 *
 * @param mimeType {@code image/png} or {@code image/jpeg} (the two glTF 2.0 core formats)
 * @param bytes the encoded image
 */
@SuppressWarnings("ArrayRecordComponent") // an encoded image; GlbWriter keys textures by identity
public record Texture(String mimeType, byte[] bytes) {
  /**
   * Checks the media type is one glTF allows.
   *
   * @throws IllegalArgumentException if it is not PNG or JPEG
   */
  public Texture {
    requireNonNull(mimeType, "mimeType");
    requireNonNull(bytes, "bytes");
    if (!mimeType.equals("image/png") && !mimeType.equals("image/jpeg")) {
      throw new IllegalArgumentException("glTF textures are image/png or image/jpeg: " + mimeType);
    }
  }

  @Override
  public String toString() {
    return "Texture{" + mimeType + ", " + bytes.length + " bytes}";
  }
}
