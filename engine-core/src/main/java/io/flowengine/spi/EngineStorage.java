package io.flowengine.spi;

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

  /** Releases the storage; called once, when the engine closes. */
  @Override
  void close();
}
