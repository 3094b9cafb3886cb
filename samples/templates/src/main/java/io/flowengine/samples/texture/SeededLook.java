package io.flowengine.samples.texture;

import io.flowengine.samples.mesh.LinearColor;
import java.util.SplittableRandom;

/**
 * The colour and surface a seed gives a generated model: a hue, a second hue near it for gradients,
 * metalness and roughness. The same seed always gives the same look. Immutable and thread-safe.
 *
 * @param seed the seed it was made from
 * @param hue the main hue in [0, 1)
 * @param accentHue the second hue in [0, 1)
 * @param metallic metalness in [0, 1]
 * @param roughness roughness in [0, 1]
 */
public record SeededLook(long seed, double hue, double accentHue, float metallic, float roughness) {

  /** Returns the look of {@code seed}. */
  public static SeededLook of(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double hue = random.nextDouble();
    double accent = (hue + 0.08 + random.nextDouble() * 0.25) % 1.0;
    float metallic =
        (float)
            (random.nextDouble() < 0.4
                ? 0.6 + random.nextDouble() * 0.4
                : random.nextDouble() * 0.2);
    float roughness = (float) (0.25 + random.nextDouble() * 0.5);
    return new SeededLook(seed, hue, accent, metallic, roughness);
  }

  /** Returns the main colour in sRGB, as 0xRRGGBB. */
  public int mainRgb() {
    return java.awt.Color.HSBtoRGB((float) hue, 0.65f, 0.85f) & 0xFFFFFF;
  }

  /** Returns the accent colour in sRGB, as 0xRRGGBB. */
  public int accentRgb() {
    return java.awt.Color.HSBtoRGB((float) accentHue, 0.75f, 0.55f) & 0xFFFFFF;
  }

  /** Returns the main colour as a linear base-colour factor. */
  public LinearColor mainColor() {
    int rgb = mainRgb();
    return LinearColor.fromSrgb(
        ((rgb >> 16) & 255) / 255.0, ((rgb >> 8) & 255) / 255.0, (rgb & 255) / 255.0);
  }
}
