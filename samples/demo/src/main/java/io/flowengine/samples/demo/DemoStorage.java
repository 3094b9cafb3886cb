package io.flowengine.samples.demo;

import io.flowengine.FlowEngine;
import io.flowengine.h2.H2Storage;
import java.nio.file.Path;

/** Chooses where the demo's engine keeps flows and assets. Stateless. */
final class DemoStorage {
  private DemoStorage() {}

  /**
   * Puts the engine of {@code builder} on an H2 database in {@code dataDirectory}, so a second run
   * finds the first run's flows, and returns a description of it.
   */
  static String configure(FlowEngine.Builder builder, Path dataDirectory) {
    builder.storage(H2Storage.open(dataDirectory));
    return "H2 in " + dataDirectory.toAbsolutePath().normalize();
  }
}
