package io.flowengine.tck;

import io.flowengine.spi.ApiKeyStore;
import io.flowengine.spi.AssetStore;
import io.flowengine.spi.EngineStorage;
import io.flowengine.spi.FlowStore;
import org.junit.jupiter.api.Nested;

/**
 * The contract suites against the engine's in-memory storage: what every store must pass, run on
 * the default one. The README's "Writing a store" shows this class; {@link ReadmeExampleTest} keeps
 * the two the same.
 */
// README:BEGIN
class InMemoryStorageContractTest {
  @Nested
  class Flows extends FlowStoreContract { // includes FlowStorePagingContract
    @Override
    protected FlowStore newStore() {
      return EngineStorage.inMemory().flows(); // a fresh, empty store for every test
    }
  }

  @Nested
  class Assets extends AssetStoreContract {
    @Override
    protected AssetStore newStore() {
      return EngineStorage.inMemory().assets();
    }
  }

  @Nested
  class ApiKeys extends ApiKeyStoreContract {
    @Override
    protected ApiKeyStore newStore() {
      return EngineStorage.inMemory().apiKeys();
    }
  }
}
// README:END
