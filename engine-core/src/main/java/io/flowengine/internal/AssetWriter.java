package io.flowengine.internal;

import io.flowengine.FlowEngineException;
import io.flowengine.InvalidRequestException;
import io.flowengine.StorageException;
import io.flowengine.spi.AssetDraft;
import io.flowengine.spi.AssetRecord;
import io.flowengine.spi.AssetStore;
import io.flowengine.spi.BufferedAsset;
import io.flowengine.spi.ContentStream;
import io.flowengine.spi.EngineStorage;
import io.flowengine.spi.FlowRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.List;
import java.util.Optional;

/**
 * Streams content into the {@link AssetStore} through a {@link ContentStream} (size limit, SHA-256)
 * and turns failures into the engine's exceptions: a problem with the content itself (malformed
 * data URI, over the limit, a caller's stream that fails) is rethrown as the caller's error even
 * when the store wrapped it; anything else is a {@link StorageException}. Thread-safe.
 */
final class AssetWriter {
  private final EngineStorage storage;
  private final AssetStore store;
  private final ObserverBus observers;

  AssetWriter(EngineStorage storage, ObserverBus observers) {
    this.storage = storage;
    this.store = storage.assets();
    this.observers = observers;
  }

  /**
   * Reads {@code source} into memory if it holds at most {@code max} bytes; otherwise streams it
   * into the store under {@code draft} at once (the part already read first).
   *
   * @return the content in memory, or empty if it was larger and is now stored under {@code draft}
   */
  Optional<BufferedAsset> bufferOrWrite(
      AssetDraft draft, InputStream source, long limit, String field, int max) {
    ContentStream head = new ContentStream(source, limit, field);
    byte[] bytes;
    try {
      bytes = head.readNBytes(max + 1);
    } catch (IOException | RuntimeException e) {
      throw translate(e, head, field, draft);
    }
    if (bytes.length <= max) {
      return Optional.of(new BufferedAsset(draft.stored(head.size(), head.sha256()), bytes));
    }
    write(draft, new SequenceInputStream(new ByteArrayInputStream(bytes), source), limit, field);
    return Optional.empty();
  }

  /**
   * Stores a new flow with its buffered inputs as one change ({@link
   * EngineStorage#insertWithInputs}), or only the flow if there are none.
   */
  void insertFlow(FlowRecord record, List<BufferedAsset> inputs) {
    if (inputs.isEmpty()) {
      storage.flows().insert(record);
    } else {
      storage.insertWithInputs(record, inputs);
      inputs.forEach(input -> observers.assetStored(input.record()));
    }
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
