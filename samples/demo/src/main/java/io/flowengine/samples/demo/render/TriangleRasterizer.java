package io.flowengine.samples.demo.render;

import io.flowengine.samples.mesh.LinearColor;
import io.flowengine.samples.mesh.Material;
import io.flowengine.samples.mesh.Mesh;
import io.flowengine.samples.mesh.MeshPart;
import io.flowengine.samples.mesh.Texture;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;

/**
 * Draws the triangles of one mesh part into a {@link FrameBuffer}: bounding-box scan with edge
 * functions, depth test, and per-pixel shading. Not thread-safe.
 */
final class TriangleRasterizer {
  private static final double[] LIGHT = normalize(-0.45, 0.65, 0.62);
  private static final double AMBIENT = 0.32;

  private final FrameBuffer frame;
  private final Mesh mesh;
  private final double[] screen;
  private final double @Nullable [] viewNormals;
  private final double baseR;
  private final double baseG;
  private final double baseB;
  private final double shininess;
  private final double specular;
  private final @Nullable BufferedImage texture;

  TriangleRasterizer(FrameBuffer frame, SoftwareRenderer.View view, MeshPart part) {
    this.frame = frame;
    this.mesh = part.mesh();
    int n = mesh.vertexCount();
    screen = new double[n * 3];
    double[] out = new double[3];
    float[] p = mesh.positions();
    for (int v = 0; v < n; v++) {
      view.project(p[3 * v], p[3 * v + 1], p[3 * v + 2], out);
      System.arraycopy(out, 0, screen, 3 * v, 3);
    }
    float[] normals = mesh.normals();
    if (normals == null) {
      viewNormals = null;
    } else {
      double[] rotated = new double[n * 3];
      for (int v = 0; v < n; v++) {
        view.rotate(normals[3 * v], normals[3 * v + 1], normals[3 * v + 2], out);
        System.arraycopy(out, 0, rotated, 3 * v, 3);
      }
      viewNormals = rotated;
    }
    Material material = part.material();
    LinearColor base = material.baseColor();
    baseR = toSrgb(base.red());
    baseG = toSrgb(base.green());
    baseB = toSrgb(base.blue());
    shininess = 4 + 60 * (1 - material.roughness());
    specular = 0.12 + 0.4 * (1 - material.roughness()) * (0.5 + 0.5 * material.metallic());
    texture = mesh.hasTexCoords() ? decode(material.baseColorTexture()) : null;
  }

  void drawAll() {
    int[] idx = mesh.indices();
    for (int t = 0; t < idx.length; t += 3) {
      draw(idx[t], idx[t + 1], idx[t + 2]);
    }
  }

  private void draw(int a, int b, int c) {
    double ax = screen[3 * a];
    double ay = screen[3 * a + 1];
    double bx = screen[3 * b];
    double by = screen[3 * b + 1];
    double cx = screen[3 * c];
    double cy = screen[3 * c + 1];
    // Screen y points down, so a front face (counter-clockwise in the model) has negative area.
    double area = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
    if (area >= 0) {
      return;
    }
    int x0 = Math.max(0, (int) Math.floor(Math.min(ax, Math.min(bx, cx))));
    int x1 = Math.min(frame.width - 1, (int) Math.ceil(Math.max(ax, Math.max(bx, cx))));
    int y0 = Math.max(0, (int) Math.floor(Math.min(ay, Math.min(by, cy))));
    int y1 = Math.min(frame.height - 1, (int) Math.ceil(Math.max(ay, Math.max(by, cy))));
    double[] face = faceNormal(a, b, c);
    for (int y = y0; y <= y1; y++) {
      double py = y + 0.5;
      for (int x = x0; x <= x1; x++) {
        double px = x + 0.5;
        double wa = ((bx - px) * (cy - py) - (by - py) * (cx - px)) / area;
        double wb = ((cx - px) * (ay - py) - (cy - py) * (ax - px)) / area;
        double wc = 1 - wa - wb;
        if (wa < 0 || wb < 0 || wc < 0) {
          continue;
        }
        float z =
            (float) (wa * screen[3 * a + 2] + wb * screen[3 * b + 2] + wc * screen[3 * c + 2]);
        int at = y * frame.width + x;
        if (z <= frame.depth[at]) {
          continue;
        }
        frame.depth[at] = z;
        frame.rgb[at] = shade(a, b, c, wa, wb, wc, face);
      }
    }
  }

  private int shade(int a, int b, int c, double wa, double wb, double wc, double[] face) {
    double nx = face[0];
    double ny = face[1];
    double nz = face[2];
    if (viewNormals != null) {
      nx = wa * viewNormals[3 * a] + wb * viewNormals[3 * b] + wc * viewNormals[3 * c];
      ny = wa * viewNormals[3 * a + 1] + wb * viewNormals[3 * b + 1] + wc * viewNormals[3 * c + 1];
      nz = wa * viewNormals[3 * a + 2] + wb * viewNormals[3 * b + 2] + wc * viewNormals[3 * c + 2];
      double length = Math.sqrt(nx * nx + ny * ny + nz * nz);
      if (length > 0) {
        nx /= length;
        ny /= length;
        nz /= length;
      }
    }
    double r = baseR;
    double g = baseG;
    double bl = baseB;
    float[] uv = mesh.texCoords();
    if (texture != null && uv != null) {
      double u = wa * uv[2 * a] + wb * uv[2 * b] + wc * uv[2 * c];
      double v = wa * uv[2 * a + 1] + wb * uv[2 * b + 1] + wc * uv[2 * c + 1];
      int tx = Math.floorMod((int) Math.floor(u * texture.getWidth()), texture.getWidth());
      int ty = Math.floorMod((int) Math.floor(v * texture.getHeight()), texture.getHeight());
      int texel = texture.getRGB(tx, ty);
      r *= ((texel >> 16) & 255) / 255.0;
      g *= ((texel >> 8) & 255) / 255.0;
      bl *= (texel & 255) / 255.0;
    }
    double diffuse = Math.max(0, nx * LIGHT[0] + ny * LIGHT[1] + nz * LIGHT[2]);
    // Blinn-Phong half vector between the light and the eye (0, 0, 1).
    double[] half = normalize(LIGHT[0], LIGHT[1], LIGHT[2] + 1);
    double highlight =
        specular * Math.pow(Math.max(0, nx * half[0] + ny * half[1] + nz * half[2]), shininess);
    double light = AMBIENT + (1 - AMBIENT) * diffuse;
    return (channel(r * light + highlight) << 16)
        | (channel(g * light + highlight) << 8)
        | channel(bl * light + highlight);
  }

  private double[] faceNormal(int a, int b, int c) {
    double[] s = screen;
    double ux = s[3 * b] - s[3 * a];
    double uy = -(s[3 * b + 1] - s[3 * a + 1]);
    double uz = s[3 * b + 2] - s[3 * a + 2];
    double vx = s[3 * c] - s[3 * a];
    double vy = -(s[3 * c + 1] - s[3 * a + 1]);
    double vz = s[3 * c + 2] - s[3 * a + 2];
    return normalize(uy * vz - uz * vy, uz * vx - ux * vz, ux * vy - uy * vx);
  }

  private static int channel(double value) {
    return (int) Math.round(Math.clamp(value, 0.0, 1.0) * 255);
  }

  private static double toSrgb(double linear) {
    return linear <= 0.0031308 ? linear * 12.92 : 1.055 * Math.pow(linear, 1 / 2.4) - 0.055;
  }

  private static double[] normalize(double x, double y, double z) {
    double length = Math.sqrt(x * x + y * y + z * z);
    return length == 0 ? new double[] {0, 0, 1} : new double[] {x / length, y / length, z / length};
  }

  private static @Nullable BufferedImage decode(@Nullable Texture texture) {
    if (texture == null) {
      return null;
    }
    try {
      return ImageIO.read(new ByteArrayInputStream(texture.bytes()));
    } catch (IOException e) {
      return null;
    }
  }
}
