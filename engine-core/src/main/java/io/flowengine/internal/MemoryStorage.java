package io.flowengine.internal;

import io.flowengine.spi.ApiKeyStore;
import io.flowengine.spi.AssetStore;
import io.flowengine.spi.EngineStorage;
import io.flowengine.spi.FlowStore;

/** Flows and assets in memory: the engine's default storage. Thread-safe. */
public final class MemoryStorage implements EngineStorage {
  private final InMemoryFlowStore flows = new InMemoryFlowStore();
  private final InMemoryAssetStore assets = new InMemoryAssetStore();
  private final InMemoryApiKeyStore apiKeys = new InMemoryApiKeyStore();

  @Override
  public FlowStore flows() {
    return flows;
  }

  @Override
  public AssetStore assets() {
    return assets;
  }

  @Override
  public ApiKeyStore apiKeys() {
    return apiKeys;
  }

  @Override
  public void close() {
    // nothing to release; the data goes with the engine
  }
}
