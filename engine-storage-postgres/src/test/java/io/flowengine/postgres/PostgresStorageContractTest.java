package io.flowengine.postgres;

import io.flowengine.postgres.harness.PostgresExtension;
import io.flowengine.postgres.harness.TestDatabase;
import io.flowengine.spi.ApiKeyStore;
import io.flowengine.spi.AssetStore;
import io.flowengine.spi.EngineStorage;
import io.flowengine.spi.FlowStore;
import io.flowengine.tck.ApiKeyStoreContract;
import io.flowengine.tck.AssetStoreContract;
import io.flowengine.tck.FlowStoreContract;
import io.flowengine.tck.InsertWithInputsContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The store contract suites of engine-tck on a real PostgreSQL: every test gets a fresh, empty
 * schema of its own.
 */
@ExtendWith(PostgresExtension.class)
class PostgresStorageContractTest {
  private final OpenStorages storages;

  PostgresStorageContractTest(TestDatabase database) {
    this.storages = new OpenStorages(database);
  }

  @AfterEach
  void close() {
    storages.close();
  }

  @Nested
  class Flows extends FlowStoreContract { // includes FlowStorePagingContract
    @Override
    protected FlowStore newStore() {
      return storages.openFresh().flows();
    }
  }

  @Nested
  class Assets extends AssetStoreContract {
    @Override
    protected AssetStore newStore() {
      return storages.openFresh().assets();
    }
  }

  @Nested
  class FlowsWithInputs extends InsertWithInputsContract {
    @Override
    protected EngineStorage newStorage() {
      return storages.openFresh();
    }
  }

  @Nested
  class ApiKeys extends ApiKeyStoreContract {
    @Override
    protected ApiKeyStore newStore() {
      return storages.openFresh().apiKeys();
    }
  }
}
