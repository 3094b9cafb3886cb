package io.flowengine.spi;

import static java.util.Objects.requireNonNull;

import io.flowengine.AssetRole;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An asset as an {@link AssetStore} keeps it. Immutable and thread-safe.
 *
 * @param id 24 lowercase hex characters
 * @param flowId the flow it belongs to
 * @param accountId the flow's account, or null
 * @param role input or output
 * @param mediaType the normalized media type
 * @param size the content length in bytes
 * @param sha256 the SHA-256 of the content, lowercase hex
 * @param createdAt when it was stored
 * @param additional user data, or null
 * @param derivedFrom for an output, the input it was made from, or null
 */
public record AssetRecord(
    String id,
    String flowId,
    @Nullable String accountId,
    AssetRole role,
    String mediaType,
    long size,
    String sha256,
    Instant createdAt,
    @Nullable String additional,
    @Nullable String derivedFrom) {

  /** Checks required fields. */
  public AssetRecord {
    requireNonNull(id, "id");
    requireNonNull(flowId, "flowId");
    requireNonNull(role, "role");
    requireNonNull(mediaType, "mediaType");
    requireNonNull(sha256, "sha256");
    requireNonNull(createdAt, "createdAt");
  }
}
