package io.flowengine.samples.rest;

import io.flowengine.Asset;
import io.flowengine.AssetContent;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Answers a request for one asset in the representation its {@code Accept} header prefers ({@link
 * AssetRepresentation}): JSON with a data URI, or the raw bytes with the asset's {@code
 * Content-Type}, its size as {@code Content-Length}, its SHA-256 as {@code ETag} and a {@code
 * Content-Disposition} file name ({@code <asset_id>.glb} for a GLB). Both are streamed from the
 * store. Thread-safe.
 */
final class AssetResponses {
  private static final Map<String, String> EXTENSIONS =
      Map.of(
          "model/gltf-binary", "glb",
          "image/png", "png",
          "image/jpeg", "jpg",
          "image/tiff", "tif",
          "image/webp", "webp",
          "text/plain", "txt");
  private static final Pattern UNSAFE_IN_NAME = Pattern.compile("[^A-Za-z0-9._-]");

  private final JsonResponses json;

  AssetResponses(JsonResponses json) {
    this.json = json;
  }

  /**
   * Sends {@code content} as the request asks.
   *
   * @throws NotAcceptableException if the {@code Accept} header allows neither form
   */
  void send(ServerRequest request, ServerResponse response, AssetContent content) {
    Asset asset = content.asset();
    response.header(HeaderNames.VARY, "Accept");
    if (AssetRepresentation.choose(request.headers(), asset.mediaType())
        == AssetRepresentation.JSON) {
      json.assetWithData(response, content);
      return;
    }
    response
        .status(Status.OK_200)
        .header(HeaderNames.CONTENT_TYPE, asset.mediaType())
        .header(HeaderNames.CONTENT_LENGTH, Long.toString(asset.size()))
        .header(HeaderNames.ETAG, "\"" + asset.sha256() + "\"")
        .header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff")
        .header(
            HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName(asset) + "\"");
    try (OutputStream out = response.outputStream()) {
      content.transferTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stream asset " + asset.id(), e);
    }
  }

  /** Returns {@code <asset_id>.<extension of its media type>}, safe in a header. */
  static String fileName(Asset asset) {
    String type = asset.mediaType().toLowerCase(Locale.ROOT);
    int parameters = type.indexOf(';');
    String extension =
        EXTENSIONS.getOrDefault(
            parameters < 0 ? type : type.substring(0, parameters).strip(), "bin");
    return UNSAFE_IN_NAME.matcher(asset.id()).replaceAll("_") + "." + extension;
  }
}
