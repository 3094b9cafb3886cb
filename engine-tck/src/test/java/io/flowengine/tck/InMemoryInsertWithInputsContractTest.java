package io.flowengine.tck;

import io.flowengine.spi.EngineStorage;

/** {@link EngineStorage#insertWithInputs}'s default, on the in-memory storage. */
class InMemoryInsertWithInputsContractTest extends InsertWithInputsContract {
  @Override
  protected EngineStorage newStorage() {
    return EngineStorage.inMemory();
  }
}
