package io.flowengine.samples.image;

import io.flowengine.samples.GenerationOptions;
import io.flowengine.samples.Quality;
import io.flowengine.samples.WorkMonitor;
import io.flowengine.samples.mesh.LinearColor;
import io.flowengine.samples.mesh.Material;
import io.flowengine.samples.mesh.Mesh;
import io.flowengine.samples.mesh.MeshPart;
import io.flowengine.samples.mesh.Model;
import io.flowengine.samples.mesh.Texture;
import io.flowengine.samples.texture.PatternTexture;
import io.flowengine.samples.texture.SeededLook;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the model of {@code model_generate_fromimage}: the image as a relief tile two units wide,
 * bright areas raised, with the image itself as base-colour texture when texture is on. {@code
 * quality} sets the grid: {@value #HIGH_CELLS} cells along the longer side for high, {@value
 * #LOW_CELLS} for low. The seed varies metalness and roughness (and the colour, without texture).
 * Stateless and thread-safe.
 */
public final class ImageModelGenerator {
  /** Grid cells along the longer side at high quality. */
  public static final int HIGH_CELLS = 256;

  /** Grid cells along the longer side at low quality. */
  public static final int LOW_CELLS = 96;

  private static final double WIDTH = 2.0;
  private static final double BASE = 0.05;
  private static final double RELIEF = 0.18;
  private static final int TEXTURE_SIDE = 1024;

  /** Creates a generator. */
  public ImageModelGenerator() {}

  /**
   * Generates the relief model of {@code image}.
   *
   * @throws InterruptedException if {@code monitor} says to stop
   */
  public Model generate(BufferedImage image, GenerationOptions options, WorkMonitor monitor)
      throws InterruptedException {
    int cells = options.quality() == Quality.HIGH ? HIGH_CELLS : LOW_CELLS;
    BufferedImage sampled = ImageScaling.fit(image, cells * 4, null);
    monitor.checkpoint();
    HeightField field = HeightField.of(sampled, cells, monitor.range(0.05, 0.35));
    Mesh mesh = ReliefMesher.mesh(field, WIDTH, BASE, RELIEF, monitor.range(0.35, 0.8));
    SeededLook look = SeededLook.of(options.seed());
    Material material;
    if (options.texture()) {
      BufferedImage texture = ImageScaling.fit(image, TEXTURE_SIDE, Color.WHITE);
      monitor.checkpoint();
      material =
          new Material(
              "relief",
              LinearColor.WHITE,
              look.metallic() * 0.3f,
              look.roughness(),
              new Texture("image/png", PatternTexture.encode(texture)));
    } else {
      material = new Material("relief", look.mainColor(), look.metallic(), look.roughness(), null);
    }
    monitor.progress(1);
    Map<String, Object> extras = new LinkedHashMap<>();
    extras.put("template", "model_generate_fromimage");
    extras.put("seed", options.seed());
    extras.put("quality", options.quality().wireName());
    extras.put("imageWidth", image.getWidth());
    extras.put("imageHeight", image.getHeight());
    extras.put("grid", field.columns() + "x" + field.rows());
    return new Model("relief", List.of(new MeshPart(mesh, material)), extras);
  }
}
