package io.flowengine.h2;

import io.flowengine.spi.FlowStore;
import io.flowengine.tck.FlowStoreContract;
import org.junit.jupiter.api.AfterEach;

/** The flow contract without the read cache, so the SQL alone is shown to pass it. */
class H2UncachedFlowStoreContractTest extends FlowStoreContract {
  private final OpenStorages storages = new OpenStorages();

  @Override
  protected FlowStore newStore() {
    return storages.open(() -> H2Storage.builder().inMemory().cacheSize(0).open()).flows();
  }

  @AfterEach
  void close() {
    storages.close();
  }
}
