package io.flowengine.internal;

import io.flowengine.spi.ApiKeyStore;
import io.flowengine.spi.ApiKeyStoreContract;

class InMemoryApiKeyStoreContractTest extends ApiKeyStoreContract {
  @Override
  protected ApiKeyStore newStore() {
    return new InMemoryApiKeyStore();
  }
}
