package io.flowengine.h2;

import io.flowengine.spi.FlowStore;
import io.flowengine.tck.FlowStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class H2FileFlowStoreContractTest extends FlowStoreContract {
  @TempDir Path root;
  private final OpenStorages storages = new OpenStorages();

  @Override
  protected FlowStore newStore() {
    return storages.openFile(root).flows();
  }

  @AfterEach
  void close() {
    storages.close();
  }
}
