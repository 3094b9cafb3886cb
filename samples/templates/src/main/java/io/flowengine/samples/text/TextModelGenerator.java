package io.flowengine.samples.text;

import io.flowengine.samples.GenerationOptions;
import io.flowengine.samples.Quality;
import io.flowengine.samples.WorkMonitor;
import io.flowengine.samples.mesh.Bounds;
import io.flowengine.samples.mesh.LinearColor;
import io.flowengine.samples.mesh.Material;
import io.flowengine.samples.mesh.Mesh;
import io.flowengine.samples.mesh.MeshPart;
import io.flowengine.samples.mesh.Model;
import io.flowengine.samples.mesh.Texture;
import io.flowengine.samples.texture.PatternTexture;
import io.flowengine.samples.texture.SeededLook;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the model of {@code model_generate_fromprompt}: the prompt, wrapped onto at most {@value
 * #MAX_LINES} lines of {@value #COLUMNS} characters, as extruded bold sans-serif text about one
 * unit high per line, centred on the origin and facing +z. {@code quality} sets how finely curves
 * are cut into segments, the seed picks colour, metalness and roughness, and with texture on a
 * generated gradient texture is mapped over the text. Thread-safe.
 */
public final class TextModelGenerator {
  /** The most characters on one line. */
  public static final int COLUMNS = 24;

  /** The most lines; longer prompts are cut with an ellipsis. */
  public static final int MAX_LINES = 8;

  private static final double DEPTH = 0.25;
  private static final int TEXTURE_SIZE = 512;

  private final GlyphOutlines outlines;

  /** Creates a generator using {@link GlyphOutlines#boldSans()}. */
  public TextModelGenerator() {
    this.outlines = GlyphOutlines.boldSans();
  }

  /** Returns the largest distance between a glyph curve and its segments, in ems. */
  static double flatness(Quality quality) {
    return quality == Quality.HIGH ? 0.002 : 0.02;
  }

  /**
   * Generates the model of {@code prompt}.
   *
   * @throws IllegalArgumentException if the prompt has no visible character
   * @throws InterruptedException if {@code monitor} says to stop
   */
  public Model generate(String prompt, GenerationOptions options, WorkMonitor monitor)
      throws InterruptedException {
    List<String> lines = PromptLines.wrap(prompt, COLUMNS, MAX_LINES);
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("the prompt has no visible character to model");
    }
    WorkMonitor glyphStage = monitor.range(0, 0.7);
    List<PolygonWithHoles> polygons =
        outlines.polygons(
            lines,
            flatness(options.quality()),
            (done, total) -> {
              glyphStage.progress((double) done / total);
              glyphStage.checkpoint();
            });
    if (polygons.isEmpty()) {
      throw new IllegalArgumentException("the prompt has no drawable glyph: " + lines);
    }
    Bounds flat = bounds(polygons);
    double size = Math.max(flat.maxX() - flat.minX(), flat.maxY() - flat.minY());
    Mesh mesh =
        TextExtruder.extrude(
            polygons, -flat.center(0), -flat.center(1), DEPTH, options.texture(), size);
    monitor.checkpoint();
    monitor.progress(0.8);
    SeededLook look = SeededLook.of(options.seed());
    Material material =
        options.texture()
            ? new Material(
                "text",
                LinearColor.WHITE,
                look.metallic(),
                look.roughness(),
                new Texture("image/png", PatternTexture.png(look, TEXTURE_SIZE)))
            : new Material("text", look.mainColor(), look.metallic(), look.roughness(), null);
    monitor.progress(1);
    Map<String, Object> extras = new LinkedHashMap<>();
    extras.put("template", "model_generate_fromprompt");
    extras.put("seed", options.seed());
    extras.put("quality", options.quality().wireName());
    extras.put("font", outlines.family());
    extras.put("lines", lines.size());
    return new Model(String.join(" ", lines), List.of(new MeshPart(mesh, material)), extras);
  }

  private static Bounds bounds(List<PolygonWithHoles> polygons) {
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (PolygonWithHoles polygon : polygons) {
      Ring outer = polygon.outer();
      for (int i = 0; i < outer.size(); i++) {
        minX = Math.min(minX, outer.x(i));
        maxX = Math.max(maxX, outer.x(i));
        minY = Math.min(minY, outer.y(i));
        maxY = Math.max(maxY, outer.y(i));
      }
    }
    return new Bounds((float) minX, (float) minY, 0, (float) maxX, (float) maxY, 0);
  }
}
