package io.flowengine.spi;

import java.util.Optional;

/**
 * The stores an engine keeps its data in, plugged in with one builder call ({@code
 * FlowEngine.builder().storage(...)}). The engine closes the storage when it closes.
 * Implementations must be thread-safe.
 */
public interface EngineStorage extends AutoCloseable {
  /** Returns the flow store. */
  FlowStore flows();

  /** Returns the asset store. */
  AssetStore assets();

  /** Returns the API key store. */
  ApiKeyStore apiKeys();

  /**
   * Returns this node's view of the cluster when several engines share this storage; empty (the
   * default) when the engine is the storage's only user, which is how it runs then: recovering
   * every unfinished flow at start and running every flow it starts.
   */
  default Optional<ClusterStore> cluster() {
    return Optional.empty();
  }

  /** Releases the storage; called once, when the engine closes. */
  @Override
  void close();

  /**
   * Returns new, empty storage that keeps flows, assets and API keys in memory: the engine's
   * default, whose data goes when the engine closes. Its stores pass the same contract suites
   * (engine-tck) as a durable store must, so tests may also use them on their own, as a reference,
   * or as the delegate of a store that observes or perturbs calls. Listing by {@code createdAt} is
   * served from an index; the other sort keys scan every flow.
   */
  static EngineStorage inMemory() {
    return new MemoryStorage();
  }
}
