package io.flowengine.samples.rest;

import io.helidon.common.media.type.MediaType;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.ServerRequestHeaders;
import java.util.Comparator;
import java.util.List;

/**
 * How {@code GET /flows/{id}/inputs/{asset}} and {@code .../outputs/{asset}} answer, chosen from
 * the request's {@code Accept} header: the JSON asset with its content as a data URI (the
 * reference's form, and the default: no {@code Accept}, {@code *}{@code /*}, {@code
 * application/json}), or the raw bytes when the asset's own media type (e.g. {@code
 * model/gltf-binary}, or {@code model/*}) is preferred. The client's order of preference wins
 * ({@code q} values, then the order given); an {@code Accept} that allows neither is refused with
 * 406. Stateless.
 */
enum AssetRepresentation {
  /** The asset's metadata and {@code "data":"data:<type>;base64,..."}. */
  JSON,
  /** The stored bytes, with the asset's media type. */
  RAW;

  /**
   * Returns the representation the client prefers for an asset of {@code mediaType}.
   *
   * @throws NotAcceptableException if the {@code Accept} header allows neither
   */
  static AssetRepresentation choose(ServerRequestHeaders headers, String mediaType) {
    List<HttpMediaType> accepted =
        headers.acceptedTypes().stream()
            .filter(type -> type.qualityFactor() > 0)
            .sorted(Comparator.comparingDouble(HttpMediaType::qualityFactor).reversed())
            .toList();
    if (accepted.isEmpty() && !headers.contains(HeaderNames.ACCEPT)) {
      return JSON;
    }
    MediaType own = MediaTypes.create(mediaType);
    for (HttpMediaType type : accepted) {
      if (type.test(MediaTypes.APPLICATION_JSON)) {
        return JSON;
      }
      if (type.test(own)) {
        return RAW;
      }
    }
    throw new NotAcceptableException(
        "this asset is available as application/json (with a data URI) or as "
            + mediaType
            + "; the Accept header allows neither");
  }
}
