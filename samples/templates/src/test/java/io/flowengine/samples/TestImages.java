package io.flowengine.samples;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Test support: a small picture encoded in the formats the image template accepts. PNG, JPEG and
 * TIFF are encoded here with the JDK; WEBP cannot be written by ImageIO, so the two WEBP files in
 * src/test/resources/images were made from the same picture with Debian's cwebp 1.2.4 ({@code cwebp
 * -lossless} and {@code cwebp -q 80}).
 */
public final class TestImages {
  private TestImages() {}

  /** Returns the 48 x 32 test picture: a diagonal gradient with a white disc. */
  public static BufferedImage picture() {
    BufferedImage image = new BufferedImage(48, 32, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setPaint(new GradientPaint(0, 0, new Color(20, 40, 120), 48, 32, new Color(240, 200, 60)));
    g.fillRect(0, 0, 48, 32);
    g.setColor(Color.WHITE);
    g.fillOval(14, 6, 20, 20);
    g.dispose();
    return image;
  }

  /** Returns the picture encoded by ImageIO's writer for {@code format} (png, jpeg, tiff). */
  public static byte[] encoded(String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(picture(), format, out)) {
        throw new IllegalStateException("no ImageIO writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Returns a committed test resource, e.g. {@code images/tiny-48x32.webp}. */
  public static byte[] resource(String name) {
    try (InputStream in = TestImages.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
