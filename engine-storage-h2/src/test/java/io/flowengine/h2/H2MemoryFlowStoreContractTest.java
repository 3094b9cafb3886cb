package io.flowengine.h2;

import io.flowengine.spi.FlowStore;
import io.flowengine.tck.FlowStoreContract;
import org.junit.jupiter.api.AfterEach;

class H2MemoryFlowStoreContractTest extends FlowStoreContract {
  private final OpenStorages storages = new OpenStorages();

  @Override
  protected FlowStore newStore() {
    return storages.open(H2Storage::inMemory).flows();
  }

  @AfterEach
  void close() {
    storages.close();
  }
}
