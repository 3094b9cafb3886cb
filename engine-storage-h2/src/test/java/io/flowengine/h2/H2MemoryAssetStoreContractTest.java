package io.flowengine.h2;

import io.flowengine.spi.AssetStore;
import io.flowengine.tck.AssetStoreContract;
import org.junit.jupiter.api.AfterEach;

class H2MemoryAssetStoreContractTest extends AssetStoreContract {
  private final OpenStorages storages = new OpenStorages();

  @Override
  protected AssetStore newStore() {
    return storages.open(H2Storage::inMemory).assets();
  }

  @AfterEach
  void close() {
    storages.close();
  }
}
