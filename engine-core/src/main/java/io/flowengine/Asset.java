package io.flowengine;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Metadata of a stored input or output of a flow; the content is read through {@link AssetContent}.
 * Immutable and thread-safe.
 *
 * @param id 24 lowercase hex characters
 * @param flowId the flow it belongs to
 * @param role input or output
 * @param mediaType the media type, e.g. {@code image/png}
 * @param size the content length in bytes
 * @param sha256 the SHA-256 of the content, 64 lowercase hex characters
 * @param status see {@link AssetStatus}
 * @param createdAt when it was stored
 * @param processedAt for an input, when its flow completed; null otherwise
 * @param additional user data (by convention JSON); an output derived from an input carries a copy
 *     of the input's
 * @param derivedFrom for an output, the id of the input it was made from, or null
 */
public record Asset(
    String id,
    String flowId,
    AssetRole role,
    String mediaType,
    long size,
    String sha256,
    AssetStatus status,
    Instant createdAt,
    @Nullable Instant processedAt,
    @Nullable String additional,
    @Nullable String derivedFrom) {

  /** Checks required fields. */
  public Asset {
    requireNonNull(id, "id");
    requireNonNull(flowId, "flowId");
    requireNonNull(role, "role");
    requireNonNull(mediaType, "mediaType");
    requireNonNull(sha256, "sha256");
    requireNonNull(status, "status");
    requireNonNull(createdAt, "createdAt");
  }
}
