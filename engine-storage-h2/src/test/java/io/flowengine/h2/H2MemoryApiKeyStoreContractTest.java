package io.flowengine.h2;

import io.flowengine.spi.ApiKeyStore;
import io.flowengine.tck.ApiKeyStoreContract;
import org.junit.jupiter.api.AfterEach;

class H2MemoryApiKeyStoreContractTest extends ApiKeyStoreContract {
  private final OpenStorages storages = new OpenStorages();

  @Override
  protected ApiKeyStore newStore() {
    return storages.open(H2Storage::inMemory).apiKeys();
  }

  @AfterEach
  void close() {
    storages.close();
  }
}
