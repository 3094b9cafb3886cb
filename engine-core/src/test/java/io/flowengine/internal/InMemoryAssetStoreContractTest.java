package io.flowengine.internal;

import io.flowengine.spi.AssetStore;
import io.flowengine.spi.AssetStoreContract;

class InMemoryAssetStoreContractTest extends AssetStoreContract {
  @Override
  protected AssetStore newStore() {
    return new InMemoryAssetStore();
  }
}
