package io.flowengine.internal;

import io.flowengine.FlowEngineException;
import io.flowengine.InvalidRequestException;
import io.flowengine.StorageException;
import io.flowengine.spi.AssetDraft;
import io.flowengine.spi.AssetRecord;
import io.flowengine.spi.AssetStore;
import io.flowengine.spi.ContentStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Streams content into the {@link AssetStore} through a {@link ContentStream} (size limit, SHA-256)
 * and turns failures into the engine's exceptions: a problem with the content itself (malformed
 * data URI, over the limit, a caller's stream that fails) is rethrown as the caller's error even
 * when the store wrapped it; anything else is a {@link StorageException}. Thread-safe.
 */
final class AssetWriter {
  private final AssetStore store;
  private final ObserverBus observers;

  AssetWriter(AssetStore store, ObserverBus observers) {
    this.store = store;
    this.observers = observers;
  }

  /**
   * Stores {@code source} under {@code draft}, reading at most {@code limit} bytes.
   *
   * @param field what the content is, for messages (a request field such as {@code inputs[0]})
   */
  AssetRecord write(AssetDraft draft, InputStream source, long limit, String field) {
    ContentStream content = new ContentStream(source, limit, field);
    AssetRecord stored;
    try {
      stored = store.put(draft, content);
    } catch (IOException | RuntimeException e) {
      throw translate(e, content, field, draft);
    }
    observers.assetStored(stored);
    return stored;
  }

  private static RuntimeException translate(
      Exception thrown, ContentStream content, String field, AssetDraft draft) {
    Exception sourceFailure = content.failure().orElse(null);
    if (sourceFailure instanceof FlowEngineException engineException) {
      return engineException;
    }
    if (sourceFailure != null) {
      return new InvalidRequestException(
          field, "reading the content failed: " + sourceFailure.getMessage());
    }
    if (thrown instanceof IllegalStateException || thrown instanceof IllegalArgumentException) {
      return (RuntimeException) thrown;
    }
    return new StorageException(
        "could not store asset " + draft.id() + " of flow " + draft.flowId() + ": " + thrown,
        thrown);
  }
}
