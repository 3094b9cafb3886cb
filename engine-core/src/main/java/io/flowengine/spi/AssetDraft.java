package io.flowengine.spi;

import static java.util.Objects.requireNonNull;

import io.flowengine.AssetRole;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The metadata of an asset about to be stored; the store adds size and digest ({@link #stored}).
 * Immutable and thread-safe.
 *
 * @param id 24 lowercase hex characters
 * @param flowId the flow it belongs to
 * @param accountId the flow's account, or null
 * @param role input or output
 * @param mediaType the normalized media type
 * @param createdAt when it was stored
 * @param additional user data, or null
 * @param derivedFrom for an output, the input it was made from, or null
 */
public record AssetDraft(
    String id,
    String flowId,
    @Nullable String accountId,
    AssetRole role,
    String mediaType,
    Instant createdAt,
    @Nullable String additional,
    @Nullable String derivedFrom) {

  /** Checks required fields. */
  public AssetDraft {
    requireNonNull(id, "id");
    requireNonNull(flowId, "flowId");
    requireNonNull(role, "role");
    requireNonNull(mediaType, "mediaType");
    requireNonNull(createdAt, "createdAt");
  }

  /** Returns the record of this asset once its content is stored. */
  public AssetRecord stored(long size, String sha256) {
    return new AssetRecord(
        id, flowId, accountId, role, mediaType, size, sha256, createdAt, additional, derivedFrom);
  }

  /** Returns a draft for an input. */
  public static AssetDraft input(
      String id,
      String flowId,
      @Nullable String accountId,
      String mediaType,
      Instant createdAt,
      @Nullable String additional) {
    return new AssetDraft(
        id, flowId, accountId, AssetRole.INPUT, mediaType, createdAt, additional, null);
  }
}
