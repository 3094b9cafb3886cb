package io.flowengine.samples.rest;

import io.helidon.http.HeaderNames;
import io.helidon.http.NotFoundException;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Sends the files of the web pages (dashboard, API docs and the browser libraries bundled into the
 * jar at build time) from one class-path directory, {@code io/flowengine/samples/rest/web/}, with a
 * content type by file extension. Only names made of plain path segments are served, so a request
 * cannot reach anything outside that directory. Our own files are sent with {@code no-cache} (a new
 * server version shows at once), the bundled libraries, whose names never change within a version,
 * may be cached for a day. Written here rather than taken from Helidon's static-content module,
 * which extracts class-path files into temporary files and pulls in Helidon Config. Thread-safe.
 */
final class WebFiles {
  static final String ROOT = "io/flowengine/samples/rest/web/";

  private static final Pattern SAFE_PATH =
      Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "json", "application/json",
          "png", "image/png",
          "svg", "image/svg+xml",
          "txt", "text/plain; charset=utf-8");

  private final ClassLoader loader = WebFiles.class.getClassLoader();

  /**
   * Sends the file at {@code path} (relative to the web root, e.g. {@code dashboard/index.html}).
   *
   * @throws NotFoundException if there is no such file or the path is not a plain relative one
   */
  void send(ServerResponse response, String path) {
    URL file = find(path);
    response
        .status(Status.OK_200)
        .header(HeaderNames.CONTENT_TYPE, contentType(path))
        .header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff")
        .header(
            HeaderNames.CACHE_CONTROL, path.startsWith("vendor/") ? "max-age=86400" : "no-cache")
        .header("Referrer-Policy", "no-referrer")
        .header("X-Frame-Options", "DENY");
    try (InputStream in = file.openStream();
        OutputStream out = response.outputStream()) {
      in.transferTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot send " + path, e);
    }
  }

  private URL find(String path) {
    String extension = extension(path);
    if (!SAFE_PATH.matcher(path).matches() || !TYPES.containsKey(extension)) {
      throw new NotFoundException("Not Found");
    }
    URL file = loader.getResource(ROOT + path);
    if (file == null) {
      throw new NotFoundException("Not Found");
    }
    return file;
  }

  /** The type of a path {@link #find} accepted, so one the table knows. */
  private static String contentType(String path) {
    return Objects.requireNonNull(TYPES.get(extension(path)), path);
  }

  private static String extension(String path) {
    int slash = path.lastIndexOf('/');
    int dot = path.lastIndexOf('.');
    return dot > slash ? path.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
  }
}
