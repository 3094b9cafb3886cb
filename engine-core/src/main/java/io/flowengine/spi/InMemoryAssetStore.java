package io.flowengine.spi;

import io.flowengine.AssetRole;
import io.flowengine.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * An {@link AssetStore} in memory. Content is kept as a list of chunks that grow up to 1 MiB, so
 * storing an asset never copies it into one doubling array. Thread-safe.
 */
final class InMemoryAssetStore implements AssetStore {
  private static final int FIRST_CHUNK = 8 * 1024;
  private static final int MAX_CHUNK = 1024 * 1024;

  private record Stored(AssetRecord record, List<byte[]> chunks) {}

  private final Map<String, ConcurrentSkipListMap<String, Stored>> byFlow =
      new ConcurrentHashMap<>();
  private final Map<String, LongAdder> bytesByAccount = new ConcurrentHashMap<>();

  @Override
  public AssetRecord put(AssetDraft draft, ContentStream content) throws IOException {
    List<byte[]> chunks = read(content);
    AssetRecord record = draft.stored(content.size(), content.sha256());
    Stored previous =
        byFlow
            .computeIfAbsent(draft.flowId(), id -> new ConcurrentSkipListMap<>())
            .putIfAbsent(draft.id(), new Stored(record, chunks));
    if (previous != null) {
      throw new IllegalStateException("asset " + draft.id() + " already exists");
    }
    countBytes(record, record.size());
    return record;
  }

  private void countBytes(AssetRecord record, long delta) {
    if (record.accountId() != null) {
      bytesByAccount.computeIfAbsent(record.accountId(), id -> new LongAdder()).add(delta);
    }
  }

  private static List<byte[]> read(InputStream content) throws IOException {
    List<byte[]> chunks = new ArrayList<>();
    int size = FIRST_CHUNK;
    while (true) {
      byte[] chunk = content.readNBytes(size);
      if (chunk.length > 0) {
        chunks.add(chunk.length == size ? chunk : Arrays.copyOf(chunk, chunk.length));
      }
      if (chunk.length < size) { // readNBytes stops short only at the end of the stream
        return chunks;
      }
      size = Math.min(size * 2, MAX_CHUNK);
    }
  }

  @Override
  public Optional<AssetRecord> find(String flowId, String assetId) {
    return stored(flowId, assetId).map(Stored::record);
  }

  private Optional<Stored> stored(String flowId, String assetId) {
    Map<String, Stored> assets = byFlow.get(flowId);
    return assets == null ? Optional.empty() : Optional.ofNullable(assets.get(assetId));
  }

  @Override
  public List<AssetRecord> list(String flowId, AssetRole role) {
    Map<String, Stored> assets = byFlow.get(flowId);
    if (assets == null) {
      return List.of();
    }
    return assets.values().stream().map(Stored::record).filter(r -> r.role() == role).toList();
  }

  @Override
  public InputStream open(String flowId, String assetId) {
    Stored stored =
        stored(flowId, assetId)
            .orElseThrow(() -> new NotFoundException(NotFoundException.Kind.ASSET, assetId));
    return new ChunkInputStream(stored.chunks());
  }

  @Override
  public boolean delete(String flowId, String assetId) {
    Map<String, Stored> assets = byFlow.get(flowId);
    Stored removed = assets == null ? null : assets.remove(assetId);
    if (removed != null) {
      countBytes(removed.record(), -removed.record().size());
    }
    return removed != null;
  }

  @Override
  public void deleteAll(String flowId) {
    Map<String, Stored> removed = byFlow.remove(flowId);
    if (removed != null) {
      removed.values().forEach(stored -> countBytes(stored.record(), -stored.record().size()));
    }
  }

  @Override
  public long storedBytes(String accountId) {
    LongAdder bytes = bytesByAccount.get(accountId);
    return bytes == null ? 0 : bytes.sum();
  }
}
