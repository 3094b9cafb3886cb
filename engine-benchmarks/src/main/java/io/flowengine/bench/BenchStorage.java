package io.flowengine.bench;

import io.flowengine.internal.MemoryStorage;
import io.flowengine.spi.EngineStorage;

/**
 * The storages a benchmark's {@code storage} parameter names, each opened fresh for a trial and
 * removed after it.
 */
public enum BenchStorage {
  /** The engine's default in-memory stores. */
  MEMORY;

  /** Opens a new, empty storage of this kind. */
  public EngineStorage open() {
    return switch (this) {
      case MEMORY -> new MemoryStorage();
    };
  }
}
