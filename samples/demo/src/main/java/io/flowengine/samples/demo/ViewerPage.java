package io.flowengine.samples.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * Writes {@code index.html} next to the demo's models: for each, its software-rendered PNG preview
 * and an interactive WebGL view (drag to turn, wheel to zoom) by a small glTF binary viewer of
 * ours, {@code viewer.js}, inlined with the GLBs as base64 so the page works opened straight from
 * disk, offline. Stateless and thread-safe.
 */
final class ViewerPage {
  private ViewerPage() {}

  /** One model on the page. */
  @SuppressWarnings("ArrayRecordComponent") // never compared: it only carries the GLB to the page
  record Entry(String title, String details, String glbFile, String previewFile, byte[] glb) {}

  /**
   * Writes the page into {@code directory} and returns its path.
   *
   * @throws IOException if it cannot be written
   */
  static Path write(Path directory, List<Entry> entries) throws IOException {
    StringBuilder html = new StringBuilder();
    html.append(
        """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8">
        <title>flowengine samples</title>
        <style>
          body { font-family: system-ui, sans-serif; margin: 2rem; background: #f4f5f7; color: #1d2330; }
          section { background: #fff; border-radius: 8px; padding: 1rem 1.5rem; margin-bottom: 1.5rem;
                    box-shadow: 0 1px 3px rgba(0,0,0,.12); }
          .views { display: flex; gap: 1rem; flex-wrap: wrap; }
          canvas, img { width: min(480px, 44vw); aspect-ratio: 4 / 3; border: 1px solid #d9dde3; border-radius: 4px; }
          canvas { cursor: grab; background: #e9ecf0; }
          code { background: #eef0f3; padding: 0 .3em; }
        </style></head><body>
        <h1>flowengine samples</h1>
        <p>Models made by the demo. Left: an interactive WebGL view (drag to turn, wheel to zoom).
        Right: the preview the demo rendered itself. The GLB files sit next to this page.</p>
        """);
    for (int i = 0; i < entries.size(); i++) {
      Entry entry = entries.get(i);
      html.append("<section><h2>")
          .append(escape(entry.title()))
          .append("</h2>\n<p>")
          .append(escape(entry.details()))
          .append(" &middot; <a href=\"")
          .append(escape(entry.glbFile()))
          .append("\"><code>")
          .append(escape(entry.glbFile()))
          .append("</code></a></p>\n<div class=\"views\"><canvas id=\"view")
          .append(i)
          .append("\" width=\"960\" height=\"720\"></canvas><img src=\"")
          .append(escape(entry.previewFile()))
          .append("\" alt=\"preview of ")
          .append(escape(entry.title()))
          .append("\"></div></section>\n");
    }
    html.append("<script>\n").append(viewerScript()).append("\nconst models = [\n");
    for (int i = 0; i < entries.size(); i++) {
      html.append("  ['view")
          .append(i)
          .append("', '")
          .append(Base64.getEncoder().encodeToString(entries.get(i).glb()))
          .append("'],\n");
    }
    html.append(
            "];\nfor (const [id, data] of models) GlbViewer.show(document.getElementById(id), data);\n")
        .append("</script>\n</body></html>\n");
    Path page = directory.resolve("index.html");
    Files.writeString(page, html, StandardCharsets.UTF_8);
    return page;
  }

  private static String viewerScript() {
    try (InputStream in = ViewerPage.class.getResourceAsStream("viewer.js")) {
      if (in == null) {
        throw new IllegalStateException("viewer.js is missing from the samples jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
