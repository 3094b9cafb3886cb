package io.flowengine.internal;

import io.flowengine.spi.AssetStore;
import io.flowengine.spi.AssetStoreContract;
import io.flowengine.spi.EngineStorage;

class InMemoryAssetStoreContractTest extends AssetStoreContract {
  @Override
  protected AssetStore newStore() {
    return EngineStorage.inMemory().assets();
  }
}
