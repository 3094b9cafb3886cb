package io.flowengine.samples.text;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.Area;
import java.awt.geom.PathIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Turns lines of text into filled polygons, one glyph at a time: the font's outline of each glyph
 * (overlaps removed with {@link Area}), curves flattened to straight segments no further than a
 * given distance from the true curve, rings nested into polygons with holes. Coordinates are in ems
 * (1 = the font size), y up, lines stacked downwards from y = 0. Thread-safe.
 */
public final class GlyphOutlines {
  private static final float FONT_SIZE = 100f;
  private static final List<String> PREFERRED = List.of("DejaVu Sans", "Liberation Sans", "Arial");
  private static final FontRenderContext RENDER = new FontRenderContext(null, true, true);

  private final Font font;

  private GlyphOutlines(Font font) {
    this.font = font;
  }

  /**
   * Returns outlines in a bold sans-serif face: the first of DejaVu Sans, Liberation Sans and Arial
   * that is installed, else the JDK's logical {@link Font#SANS_SERIF}, so a bare machine works too.
   */
  public static GlyphOutlines boldSans() {
    Set<String> installed =
        Set.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
    String family =
        PREFERRED.stream().filter(installed::contains).findFirst().orElse(Font.SANS_SERIF);
    return new GlyphOutlines(new Font(family, Font.BOLD, (int) FONT_SIZE).deriveFont(FONT_SIZE));
  }

  /** Returns the font's family name, e.g. {@code DejaVu Sans}. */
  public String family() {
    return font.getFamily();
  }

  /** Returns {@code text} with characters the font cannot draw replaced by '?'. */
  public String displayable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp ->
                out.appendCodePoint(font.canDisplay(cp) && !Character.isISOControl(cp) ? cp : '?'));
    return out.toString();
  }

  /** Returns the distance between baselines of consecutive lines, in ems. */
  public double lineHeight() {
    return 1.2;
  }

  /**
   * Returns the polygons of every glyph of every line, each line centred on x = 0, the first
   * baseline at y = 0 and each next one {@link #lineHeight()} lower.
   *
   * @param flatness the largest distance, in ems, between a curve and its straight segments
   * @param perGlyph called after each glyph with the glyph's number and the total
   * @throws InterruptedException if {@code perGlyph} says to stop
   */
  public List<PolygonWithHoles> polygons(
      List<String> lines, double flatness, GlyphListener perGlyph) throws InterruptedException {
    int total = lines.stream().mapToInt(String::length).sum();
    int done = 0;
    List<PolygonWithHoles> polygons = new ArrayList<>();
    for (int line = 0; line < lines.size(); line++) {
      GlyphVector glyphs = font.createGlyphVector(RENDER, displayable(lines.get(line)));
      float baseline = (float) (line * lineHeight() * FONT_SIZE);
      float left = (float) (-glyphs.getLogicalBounds().getWidth() / 2);
      for (int g = 0; g < glyphs.getNumGlyphs(); g++) {
        Shape outline = glyphs.getGlyphOutline(g, left, baseline);
        polygons.addAll(RingNesting.group(rings(new Area(outline), flatness * FONT_SIZE)));
        perGlyph.glyphDone(++done, Math.max(total, done));
      }
    }
    return polygons;
  }

  private static List<Ring> rings(Area area, double flatness) {
    List<Ring> rings = new ArrayList<>();
    double[] coords = new double[6];
    double[] points = new double[64];
    int count = 0;
    for (PathIterator it = area.getPathIterator(null, flatness); !it.isDone(); it.next()) {
      int type = it.currentSegment(coords);
      if (type == PathIterator.SEG_MOVETO) {
        addRing(points, count, rings);
        count = 0;
      }
      if (type == PathIterator.SEG_MOVETO || type == PathIterator.SEG_LINETO) {
        if (count + 2 > points.length) {
          points = Arrays.copyOf(points, points.length * 2);
        }
        // Font space has y down; ems have y up.
        points[count++] = coords[0] / FONT_SIZE;
        points[count++] = -coords[1] / FONT_SIZE;
      } else if (type == PathIterator.SEG_CLOSE) {
        addRing(points, count, rings);
        count = 0;
      }
    }
    addRing(points, count, rings);
    return rings;
  }

  private static void addRing(double[] points, int count, List<Ring> rings) {
    int n = count;
    while (n >= 4 && points[n - 2] == points[0] && points[n - 1] == points[1]) {
      n -= 2;
    }
    if (n >= 6) {
      rings.add(new Ring(Arrays.copyOf(points, n)));
    }
  }

  /** Hears about each glyph done, and may stop the work. */
  @FunctionalInterface
  public interface GlyphListener {
    /**
     * Called after glyph {@code done} of {@code total}.
     *
     * @throws InterruptedException to stop
     */
    void glyphDone(int done, int total) throws InterruptedException;
  }
}
