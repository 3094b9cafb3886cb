package io.flowengine.samples.mesh;

/**
 * A colour in linear RGB with alpha, each channel in [0, 1] (glTF {@code baseColorFactor}).
 * Immutable and thread-safe.
 *
 * @param red red
 * @param green green
 * @param blue blue
 * @param alpha opacity
 */
public record LinearColor(float red, float green, float blue, float alpha) {
  /** Opaque white: lets a base-colour texture show unchanged. */
  public static final LinearColor WHITE = new LinearColor(1, 1, 1, 1);

  /**
   * Checks every channel is in [0, 1].
   *
   * @throws IllegalArgumentException if one is not
   */
  public LinearColor {
    for (float channel : new float[] {red, green, blue, alpha}) {
      if (!(channel >= 0 && channel <= 1)) {
        throw new IllegalArgumentException("colour channel outside [0, 1]: " + channel);
      }
    }
  }

  /** Returns the opaque colour of sRGB components in [0, 1], converted to linear. */
  public static LinearColor fromSrgb(double red, double green, double blue) {
    return new LinearColor(toLinear(red), toLinear(green), toLinear(blue), 1);
  }

  private static float toLinear(double srgb) {
    double c = Math.clamp(srgb, 0.0, 1.0);
    return (float) (c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
  }
}
