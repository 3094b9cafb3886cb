package io.flowengine.internal;

import io.flowengine.spi.EngineStorage;
import io.flowengine.spi.FlowStore;
import io.flowengine.spi.FlowStoreContract;

class InMemoryFlowStoreContractTest extends FlowStoreContract {
  @Override
  protected FlowStore newStore() {
    return EngineStorage.inMemory().flows();
  }
}
