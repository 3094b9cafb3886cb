package io.flowengine.samples.demo;

import io.flowengine.FlowEngine;
import java.nio.file.Path;

/** Chooses where the demo's engine keeps flows and assets. Stateless. */
final class DemoStorage {
  private DemoStorage() {}

  /**
   * Sets the storage of {@code builder} and returns a description of it.
   *
   * <p>The engine's in-memory default for now: the H2 store (module engine-storage-h2) is not in
   * main yet. The switch, once it is, is this one line plus the dependency in samples/pom.xml:
   * {@code builder.storage(io.flowengine.h2.H2Storage.open(dataDirectory));}
   */
  static String configure(FlowEngine.Builder builder, Path dataDirectory) {
    return "in memory (engine-storage-h2 not merged yet; " + dataDirectory + " unused)";
  }
}
