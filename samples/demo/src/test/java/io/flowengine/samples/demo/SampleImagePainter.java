package io.flowengine.samples.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.GeneralPath;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Paints the demo's bundled sample image, an emblem that makes a good relief: bright shapes
 * (raised) on a dark ground. Run once to regenerate {@code
 * src/main/resources/io/flowengine/samples/demo/sample-image.png}: {@code java
 * -Djava.awt.headless=true
 * samples/demo/src/test/java/io/flowengine/samples/demo/SampleImagePainter.java OUT.png}.
 */
public final class SampleImagePainter {
  private SampleImagePainter() {}

  /** Writes the image to the path given as the only argument. */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    Files.createDirectories(out.toAbsolutePath().getParent());
    ImageIO.write(paint(512, 384), "png", out.toFile());
  }

  static BufferedImage paint(int w, int h) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setPaint(
        new RadialGradientPaint(
            w / 2f,
            h / 2f,
            w * 0.7f,
            new float[] {0f, 1f},
            new Color[] {new Color(28, 44, 86), new Color(8, 12, 30)}));
    g.fillRect(0, 0, w, h);
    float cx = w / 2f;
    float cy = h * 0.42f;
    float r = h * 0.3f;
    g.setPaint(
        new GradientPaint(
            cx - r, cy - r, new Color(255, 214, 120), cx + r, cy + r, new Color(214, 120, 40)));
    g.setStroke(new BasicStroke(r * 0.12f));
    g.drawOval((int) (cx - r), (int) (cy - r), (int) (2 * r), (int) (2 * r));
    GeneralPath wave = new GeneralPath();
    wave.moveTo(cx - r * 0.75f, cy + r * 0.15f);
    wave.curveTo(
        cx - r * 0.35f,
        cy - r * 0.75f,
        cx + r * 0.05f,
        cy + r * 0.65f,
        cx + r * 0.75f,
        cy - r * 0.25f);
    g.setStroke(new BasicStroke(r * 0.16f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.setPaint(
        new GradientPaint(
            cx - r, cy, new Color(120, 220, 255), cx + r, cy, new Color(240, 250, 255)));
    g.draw(wave);
    g.setColor(new Color(255, 236, 190));
    for (int i = 0; i < 3; i++) {
      float dx = (i - 1) * r * 0.42f;
      float dr = r * (0.09f + 0.02f * i);
      g.fill(new java.awt.geom.Ellipse2D.Float(cx + dx - dr, cy - r * 0.52f - dr, 2 * dr, 2 * dr));
    }
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, (int) (h * 0.11)));
    String text = "flowengine";
    int tw = g.getFontMetrics().stringWidth(text);
    g.setPaint(
        new GradientPaint(
            0, h * 0.8f, new Color(250, 250, 250), 0, h * 0.92f, new Color(190, 200, 220)));
    g.drawString(text, (w - tw) / 2, (int) (h * 0.9));
    g.dispose();
    return image;
  }
}
