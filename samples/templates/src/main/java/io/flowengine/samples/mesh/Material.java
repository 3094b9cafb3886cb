package io.flowengine.samples.mesh;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A glTF PBR metallic-roughness material. Immutable and thread-safe.
 *
 * @param name a name for viewers
 * @param baseColor the base colour factor (multiplies the texture, if any)
 * @param metallic metalness in [0, 1]
 * @param roughness roughness in [0, 1]
 * @param baseColorTexture the base-colour texture (needs texture coordinates), or null
 */
public record Material(
    String name,
    LinearColor baseColor,
    float metallic,
    float roughness,
    @Nullable Texture baseColorTexture) {

  /**
   * Checks the factors.
   *
   * @throws IllegalArgumentException if metallic or roughness is outside [0, 1]
   */
  public Material {
    requireNonNull(name, "name");
    requireNonNull(baseColor, "baseColor");
    if (!(metallic >= 0 && metallic <= 1) || !(roughness >= 0 && roughness <= 1)) {
      throw new IllegalArgumentException(
          "metallic and roughness must be in [0, 1]: " + metallic + ", " + roughness);
    }
  }

  /** Returns a plain light grey, rough, non-metallic material. */
  public static Material plain() {
    return new Material("plain", LinearColor.fromSrgb(0.8, 0.8, 0.8), 0, 0.8f, null);
  }
}
