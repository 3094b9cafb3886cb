package io.flowengine.h2;

import io.flowengine.spi.ApiKeyStore;
import io.flowengine.tck.ApiKeyStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class H2FileApiKeyStoreContractTest extends ApiKeyStoreContract {
  @TempDir Path root;
  private final OpenStorages storages = new OpenStorages();

  @Override
  protected ApiKeyStore newStore() {
    return storages.openFile(root).apiKeys();
  }

  @AfterEach
  void close() {
    storages.close();
  }
}
