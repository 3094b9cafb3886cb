package io.flowengine.spi;

/** Flows and assets in memory: the engine's default storage. Thread-safe. */
final class MemoryStorage implements EngineStorage {
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
