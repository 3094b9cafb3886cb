package io.flowengine.h2;

import io.flowengine.spi.EngineStorage;
import io.flowengine.tck.InsertWithInputsContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** A flow and its inputs in one group-commit transaction on an H2 file: all or nothing. */
class H2InsertWithInputsContractTest extends InsertWithInputsContract {
  @TempDir Path root;

  @Override
  protected EngineStorage newStorage() {
    return H2Storage.open(root);
  }
}
