package io.flowengine.internal;

import io.flowengine.spi.ApiKeyStore;
import io.flowengine.spi.ApiKeyStoreContract;
import io.flowengine.spi.EngineStorage;

class InMemoryApiKeyStoreContractTest extends ApiKeyStoreContract {
  @Override
  protected ApiKeyStore newStore() {
    return EngineStorage.inMemory().apiKeys();
  }
}
