package io.flowengine.spring;

import static java.util.Objects.requireNonNull;

import io.flowengine.h2.Durability;
import io.flowengine.h2.H2Storage;
import io.flowengine.spi.CommitListener;

/** Opens the H2 store; loaded only when {@code flowengine.storage.kind} is h2. */
final class H2Stores {
  private H2Stores() {}

  static H2Storage open(H2Properties h2, CommitListener listener) {
    return H2Storage.builder()
        .directory(requireNonNull(h2.directory(), "directory")) // checked by StorageProperties
        .durability(
            switch (h2.durability()) {
              case EVERY_COMMIT -> Durability.EVERY_COMMIT;
              case WRITE_DELAYED -> Durability.WRITE_DELAYED;
            })
        .commitListener(listener)
        .open();
  }
}
