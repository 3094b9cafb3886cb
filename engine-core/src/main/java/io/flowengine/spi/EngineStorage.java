package io.flowengine.spi;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
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
   * Stores a new flow record (version 0) together with input assets whose content is in memory, as
   * one change: if it fails, or the process dies while it runs, neither the flow nor any of the
   * assets is stored. {@code createFlow} uses it when every input of a request is small. A SQL
   * store writes it all in one transaction. The default is not atomic across a crash: it puts each
   * asset, then inserts the flow, and deletes the assets again if anything fails; a durable store
   * overrides it.
   *
   * @param inputs the flow's new inputs, in the order of {@code flow.inputIds()}
   * @throws IllegalStateException if the flow or one of the assets exists
   * @throws io.flowengine.StorageException if it cannot be stored
   */
  default void insertWithInputs(FlowRecord flow, List<BufferedAsset> inputs) {
    try {
      for (BufferedAsset input : inputs) {
        assets()
            .put(
                input.draft(),
                new ContentStream(
                    new ByteArrayInputStream(input.content()),
                    input.content().length,
                    "input " + input.record().id()));
      }
      flows().insert(flow);
    } catch (IOException | RuntimeException e) {
      try {
        assets().deleteAll(flow.id());
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new io.flowengine.StorageException(
          "could not store the inputs of flow " + flow.id() + ": " + e, e);
    }
  }

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
