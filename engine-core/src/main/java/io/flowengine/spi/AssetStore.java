package io.flowengine.spi;

import io.flowengine.AssetRole;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Keeps asset content and metadata, streamed in and out: no method holds a whole asset in memory
 * unless the store itself is a memory store. Implementations must be thread-safe; {@code
 * io.flowengine.tck.AssetStoreContract} (artifact engine-tck) is the suite every implementation
 * must pass. Failures to read or write are {@link io.flowengine.StorageException}s or {@link
 * IOException}s.
 */
public interface AssetStore {
  /**
   * Reads {@code content} to its end and stores it with {@code draft}'s metadata. If reading throws
   * (a malformed data URI, a size limit), nothing is stored and the exception propagates unchanged.
   *
   * @return the record, with {@link ContentStream#size()} and {@link ContentStream#sha256()}
   * @throws IOException if the content cannot be read or stored
   * @throws IllegalStateException if an asset with the same id exists
   */
  AssetRecord put(AssetDraft draft, ContentStream content) throws IOException;

  /** Returns an asset of a flow. */
  Optional<AssetRecord> find(String flowId, String assetId);

  /** Returns a flow's assets of one role, ordered by id (the order they were stored). */
  List<AssetRecord> list(String flowId, AssetRole role);

  /**
   * Opens an asset's content; the caller closes the stream.
   *
   * @throws io.flowengine.NotFoundException if there is no such asset
   * @throws IOException if it cannot be read
   */
  InputStream open(String flowId, String assetId) throws IOException;

  /**
   * Deletes one asset.
   *
   * @return whether it existed
   */
  boolean delete(String flowId, String assetId);

  /** Deletes every asset of a flow. */
  void deleteAll(String flowId);

  /**
   * Deletes the assets of one role of several flows, e.g. the outputs of interrupted runs that
   * recovery queues again; a store may do it in one statement.
   */
  default void deleteAll(Collection<String> flowIds, AssetRole role) {
    for (String flowId : flowIds) {
      for (AssetRecord asset : list(flowId, role)) {
        delete(flowId, asset.id());
      }
    }
  }

  /** Returns the total size in bytes of the assets stored for {@code accountId}. */
  long storedBytes(String accountId);
}
