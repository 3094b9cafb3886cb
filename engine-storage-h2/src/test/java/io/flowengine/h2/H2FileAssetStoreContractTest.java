package io.flowengine.h2;

import io.flowengine.spi.AssetStore;
import io.flowengine.tck.AssetStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class H2FileAssetStoreContractTest extends AssetStoreContract {
  @TempDir Path root;
  private final OpenStorages storages = new OpenStorages();

  @Override
  protected AssetStore newStore() {
    return storages.openFile(root).assets();
  }

  @AfterEach
  void close() {
    storages.close();
  }
}
