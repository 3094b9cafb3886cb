package io.flowengine.samples.texture;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * Paints a seamless-enough base-colour texture for a {@link SeededLook}: a diagonal gradient from
 * the main to the accent colour, marbled by two octaves of value noise and fine stripes, encoded as
 * PNG. The same look and size always give the same bytes. Stateless and thread-safe.
 */
public final class PatternTexture {
  private PatternTexture() {}

  /**
   * Returns the PNG of a {@code size} x {@code size} texture.
   *
   * @throws IllegalArgumentException if {@code size} is not in 8..4096
   */
  public static byte[] png(SeededLook look, int size) {
    if (size < 8 || size > 4096) {
      throw new IllegalArgumentException("texture size must be 8 to 4096: " + size);
    }
    return encode(paint(look, size));
  }

  /** Returns the painted image. */
  public static BufferedImage paint(SeededLook look, int size) {
    SplittableRandom random = new SplittableRandom(look.seed() ^ 0x5DEECE66DL);
    ValueNoise coarse = new ValueNoise(random, 6);
    ValueNoise fine = new ValueNoise(random, 24);
    int a = look.mainRgb();
    int b = look.accentRgb();
    double stripeAngle = random.nextDouble() * Math.PI;
    double sx = Math.cos(stripeAngle);
    double sy = Math.sin(stripeAngle);
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        double u = (x + 0.5) / size;
        double v = (y + 0.5) / size;
        double marble = coarse.at(u, v) * 0.65 + fine.at(u, v) * 0.35;
        double t = Math.clamp(0.55 * (u + v) / 2 + 0.45 * marble, 0.0, 1.0);
        double stripe = 0.92 + 0.08 * Math.sin((u * sx + v * sy) * 2 * Math.PI * 18 + marble * 6);
        image.setRGB(x, y, mix(a, b, t, stripe));
      }
    }
    return image;
  }

  private static int mix(int a, int b, double t, double shade) {
    int rgb = 0;
    for (int shift = 16; shift >= 0; shift -= 8) {
      double ca = (a >> shift) & 255;
      double cb = (b >> shift) & 255;
      int c = (int) Math.round(Math.clamp((ca + (cb - ca) * t) * shade, 0.0, 255.0));
      rgb |= c << shift;
    }
    return rgb;
  }

  /**
   * Encodes {@code image} as PNG.
   *
   * @throws UncheckedIOException if the JDK's PNG writer fails
   */
  public static byte[] encode(BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, "png", out)) {
        throw new IOException("no PNG writer");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode PNG", e);
    }
    return out.toByteArray();
  }

  /** Smooth random values on a periodic grid, interpolated with a smoothstep. */
  private static final class ValueNoise {
    private final int cells;
    private final double[] values;

    ValueNoise(SplittableRandom random, int cells) {
      this.cells = cells;
      this.values = new double[cells * cells];
      for (int i = 0; i < values.length; i++) {
        values[i] = random.nextDouble();
      }
    }

    double at(double u, double v) {
      double gx = u * cells;
      double gy = v * cells;
      int x0 = (int) Math.floor(gx);
      int y0 = (int) Math.floor(gy);
      double fx = smooth(gx - x0);
      double fy = smooth(gy - y0);
      double top = lerp(value(x0, y0), value(x0 + 1, y0), fx);
      double bottom = lerp(value(x0, y0 + 1), value(x0 + 1, y0 + 1), fx);
      return lerp(top, bottom, fy);
    }

    private double value(int x, int y) {
      return values[Math.floorMod(y, cells) * cells + Math.floorMod(x, cells)];
    }

    private static double smooth(double t) {
      return t * t * (3 - 2 * t);
    }

    private static double lerp(double a, double b, double t) {
      return a + (b - a) * t;
    }
  }
}
