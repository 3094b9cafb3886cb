package io.flowengine.spi;

import static java.util.Objects.requireNonNull;

import com.google.common.base.Preconditions;

/**
 * A new asset whose content was read into memory, measured and hashed, so that a store can write it
 * in the same transaction as something else ({@link EngineStorage#insertWithInputs}). The array is
 * the caller's, not copied: neither side changes it once the asset is handed over. Immutable once
 * built.
 *
 * @param record the asset's record, with the content's size and sha-256
 * @param content the content, {@code record.size()} bytes
 */
@SuppressWarnings("ArrayRecordComponent")
public record BufferedAsset(AssetRecord record, byte[] content) {
  /**
   * Checks that the content is as long as the record says.
   *
   * @throws IllegalArgumentException if it is not
   */
  public BufferedAsset {
    requireNonNull(record, "record");
    requireNonNull(content, "content");
    Preconditions.checkArgument(
        content.length == record.size(),
        "asset %s has %s bytes but its record says %s",
        record.id(),
        content.length,
        record.size());
  }

  /** Returns the draft the record was made from. */
  public AssetDraft draft() {
    return new AssetDraft(
        record.id(),
        record.flowId(),
        record.accountId(),
        record.role(),
        record.mediaType(),
        record.createdAt(),
        record.additional(),
        record.derivedFrom());
  }
}
