package io.flowengine.spring;

/**
 * Where the auto-configured engine keeps its flows, assets and API keys: {@code
 * flowengine.storage.kind}. Immutable and thread-safe.
 */
public enum StorageKind {
  /** In memory ({@code EngineStorage.inMemory()}): everything is gone when the engine closes. */
  MEMORY,
  /**
   * An embedded H2 database file in {@code flowengine.storage.h2.directory}; needs {@code
   * io.flowengine:engine-storage-h2} on the class path.
   */
  H2,
  /**
   * A PostgreSQL database, at {@code flowengine.storage.postgres.url} or through the application's
   * {@code DataSource}; needs {@code io.flowengine:engine-storage-postgres} on the class path.
   */
  POSTGRES
}
