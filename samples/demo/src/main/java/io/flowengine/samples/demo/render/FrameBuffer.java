package io.flowengine.samples.demo.render;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/** Colour and depth of every pixel, with a soft grey backdrop. Not thread-safe. */
final class FrameBuffer {
  final int width;
  final int height;
  final float[] depth;
  final int[] rgb;

  FrameBuffer(int width, int height) {
    this.width = width;
    this.height = height;
    this.depth = new float[width * height];
    Arrays.fill(depth, Float.NEGATIVE_INFINITY);
    this.rgb = new int[width * height];
    for (int y = 0; y < height; y++) {
      double t = (double) y / height;
      int top = 0xF4F5F7;
      int bottom = 0xD9DDE3;
      int c = mix(top, bottom, t);
      Arrays.fill(rgb, y * width, (y + 1) * width, c);
    }
  }

  /** Returns the picture averaged over {@code factor} x {@code factor} blocks. */
  BufferedImage downsample(int factor) {
    int w = width / factor;
    int h = height / factor;
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    int n = factor * factor;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int r = 0;
        int g = 0;
        int b = 0;
        for (int dy = 0; dy < factor; dy++) {
          for (int dx = 0; dx < factor; dx++) {
            int c = rgb[(y * factor + dy) * width + x * factor + dx];
            r += (c >> 16) & 255;
            g += (c >> 8) & 255;
            b += c & 255;
          }
        }
        out.setRGB(x, y, ((r / n) << 16) | ((g / n) << 8) | (b / n));
      }
    }
    return out;
  }

  private static int mix(int a, int b, double t) {
    int out = 0;
    for (int shift = 16; shift >= 0; shift -= 8) {
      double ca = (a >> shift) & 255;
      double cb = (b >> shift) & 255;
      out |= ((int) Math.round(ca + (cb - ca) * t)) << shift;
    }
    return out;
  }
}
