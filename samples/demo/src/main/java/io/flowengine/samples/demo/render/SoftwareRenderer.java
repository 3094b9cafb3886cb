package io.flowengine.samples.demo.render;

import io.flowengine.samples.mesh.Bounds;
import io.flowengine.samples.mesh.MeshPart;
import io.flowengine.samples.mesh.Model;
import java.awt.image.BufferedImage;

/**
 * Renders a model to an image without a GPU: an orthographic view from the front, turned {@value
 * #YAW_DEGREES} degrees and looking {@value #PITCH_DEGREES} degrees down, fitted to the image; a
 * z-buffered triangle rasteriser with back faces culled, per-pixel interpolated normals and texture
 * coordinates, base colour times texture, lit by a key light and ambient light with a specular
 * highlight that narrows as roughness drops; 2x2 supersampled. The same model gives the same
 * pixels. Stateless and thread-safe.
 */
public final class SoftwareRenderer {
  static final double YAW_DEGREES = -28;
  static final double PITCH_DEGREES = 22;
  private static final int SUPERSAMPLE = 2;

  private SoftwareRenderer() {}

  /**
   * Returns a {@code width} x {@code height} RGB picture of {@code model}.
   *
   * @throws IllegalArgumentException if a size is below 16 or above 4096
   */
  public static BufferedImage render(Model model, int width, int height) {
    if (width < 16 || height < 16 || width > 4096 || height > 4096) {
      throw new IllegalArgumentException("image size must be 16 to 4096: " + width + "x" + height);
    }
    int w = width * SUPERSAMPLE;
    int h = height * SUPERSAMPLE;
    View view =
        View.fitting(model, w, h, Math.toRadians(YAW_DEGREES), Math.toRadians(PITCH_DEGREES));
    FrameBuffer frame = new FrameBuffer(w, h);
    for (MeshPart part : model.parts()) {
      new TriangleRasterizer(frame, view, part).drawAll();
    }
    return frame.downsample(SUPERSAMPLE);
  }

  /** The rotation and the fit of the model into the image. */
  record View(
      double cosYaw,
      double sinYaw,
      double cosPitch,
      double sinPitch,
      double centerX,
      double centerY,
      double centerZ,
      double scale,
      int width,
      int height) {

    static View fitting(Model model, int width, int height, double yaw, double pitch) {
      Bounds b = model.bounds();
      View unscaled =
          new View(
              Math.cos(yaw),
              Math.sin(yaw),
              Math.cos(pitch),
              Math.sin(pitch),
              b.center(0),
              b.center(1),
              b.center(2),
              1,
              width,
              height);
      double[] out = new double[3];
      double extentX = 1e-9;
      double extentY = 1e-9;
      for (MeshPart part : model.parts()) {
        float[] p = part.mesh().positions();
        for (int i = 0; i < p.length; i += 3) {
          unscaled.rotate(
              p[i] - unscaled.centerX,
              p[i + 1] - unscaled.centerY,
              p[i + 2] - unscaled.centerZ,
              out);
          extentX = Math.max(extentX, Math.abs(out[0]));
          extentY = Math.max(extentY, Math.abs(out[1]));
        }
      }
      double scale = 0.9 * Math.min(width / (2 * extentX), height / (2 * extentY));
      return new View(
          unscaled.cosYaw,
          unscaled.sinYaw,
          unscaled.cosPitch,
          unscaled.sinPitch,
          unscaled.centerX,
          unscaled.centerY,
          unscaled.centerZ,
          scale,
          width,
          height);
    }

    /**
     * Rotates a direction (or a point relative to the centre) into view space, z towards the eye.
     */
    void rotate(double x, double y, double z, double[] out) {
      double x1 = cosYaw * x + sinYaw * z;
      double z1 = -sinYaw * x + cosYaw * z;
      double y2 = cosPitch * y - sinPitch * z1;
      double z2 = sinPitch * y + cosPitch * z1;
      out[0] = x1;
      out[1] = y2;
      out[2] = z2;
    }

    /** Projects a model point to screen x, y (pixels, y down) and depth (larger is nearer). */
    void project(double x, double y, double z, double[] out) {
      rotate(x - centerX, y - centerY, z - centerZ, out);
      out[0] = width / 2.0 + out[0] * scale;
      out[1] = height / 2.0 - out[1] * scale;
      out[2] = out[2] * scale;
    }
  }
}
