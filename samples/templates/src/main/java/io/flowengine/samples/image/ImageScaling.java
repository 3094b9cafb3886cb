package io.flowengine.samples.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.jspecify.annotations.Nullable;

/**
 * Scales images down to fit a size, halving with bilinear filtering until the last step so large
 * images do not alias, and flattens them onto a background colour. The result is deterministic.
 * Stateless and thread-safe.
 */
public final class ImageScaling {
  private ImageScaling() {}

  /**
   * Returns {@code image} scaled so its longer side is at most {@code maxSide} (never enlarged), as
   * opaque RGB over {@code background}, or with its alpha kept if {@code background} is null.
   *
   * @throws IllegalArgumentException if {@code maxSide} is less than 1
   */
  public static BufferedImage fit(BufferedImage image, int maxSide, @Nullable Color background) {
    if (maxSide < 1) {
      throw new IllegalArgumentException("maxSide must be positive: " + maxSide);
    }
    BufferedImage current = image;
    int w = image.getWidth();
    int h = image.getHeight();
    double scale = Math.min(1.0, (double) maxSide / Math.max(w, h));
    int targetW = Math.max(1, (int) Math.round(w * scale));
    int targetH = Math.max(1, (int) Math.round(h * scale));
    while (current.getWidth() / 2 >= targetW && current.getHeight() / 2 >= targetH) {
      current = draw(current, current.getWidth() / 2, current.getHeight() / 2, null);
    }
    return draw(current, targetW, targetH, background);
  }

  private static BufferedImage draw(
      BufferedImage source, int w, int h, @Nullable Color background) {
    BufferedImage out =
        new BufferedImage(
            w, h, background == null ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      if (background != null) {
        g.setColor(background);
        g.fillRect(0, 0, w, h);
      }
      g.drawImage(source, 0, 0, w, h, null);
    } finally {
      g.dispose();
    }
    return out;
  }
}
