package io.flowengine.postgres;

import io.flowengine.FlowState;
import io.flowengine.spi.ApiKeyStore;
import io.flowengine.spi.AssetStore;
import io.flowengine.spi.BufferedAsset;
import io.flowengine.spi.ClusterStore;
import io.flowengine.spi.EngineStorage;
import io.flowengine.spi.FlowRecord;
import io.flowengine.spi.FlowStore;
import io.flowengine.tck.ForwardingFlowStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * A {@link PostgresStorage} whose every connection is terminated by the server ({@code
 * pg_terminate_backend}, waited for) just before the first dispatch ({@code STARTING -> RUNNING})
 * is queued: what a restart does to a run whose dispatch is on its way. The group commit's writer
 * then fails that dispatch, nothing stored, and reconnects for its next batch. The storage's
 * connections are told by their {@code application_name}. Everything else is forwarded.
 * Thread-safe.
 */
final class BreaksConnectionsBeforeDispatch extends ForwardingFlowStore implements EngineStorage {
  /** Completes with the first dispatch's failure once it is decided, or null if it was stored. */
  final CompletableFuture<@Nullable Throwable> dispatch = new CompletableFuture<>();

  private final PostgresStorage storage;
  private final Connection admin;
  private final String applicationName;
  private final AtomicBoolean armed = new AtomicBoolean(true);

  /**
   * Breaks the connections of {@code storage}, those with {@code applicationName}, through {@code
   * admin}.
   */
  BreaksConnectionsBeforeDispatch(
      PostgresStorage storage, String applicationName, Connection admin) {
    super(storage.flows());
    this.storage = storage;
    this.applicationName = applicationName;
    this.admin = admin;
  }

  @Override
  public CompletableFuture<Boolean> compareAndSetAsync(FlowRecord expected, FlowRecord next) {
    if (expected.state() != FlowState.STARTING
        || next.state() != FlowState.RUNNING
        || !armed.getAndSet(false)) {
      return super.compareAndSetAsync(expected, next);
    }
    terminateConnections();
    CompletableFuture<Boolean> write = super.compareAndSetAsync(expected, next);
    CompletableFuture<?> unused =
        write.whenComplete((stored, failure) -> dispatch.complete(failure));
    return write;
  }

  private void terminateConnections() {
    try (PreparedStatement terminate =
        admin.prepareStatement(
            "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid, 5000)) FROM pg_stat_activity"
                + " WHERE application_name = ? AND pid <> pg_backend_pid()")) {
      terminate.setString(1, applicationName);
      try (ResultSet row = terminate.executeQuery()) {
        row.next();
        if (row.getLong(1) == 0) {
          throw new IllegalStateException("no connection named " + applicationName + " found");
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not terminate the node's connections", e);
    }
  }

  @Override
  public FlowStore flows() {
    return this;
  }

  @Override
  public AssetStore assets() {
    return storage.assets();
  }

  @Override
  public ApiKeyStore apiKeys() {
    return storage.apiKeys();
  }

  @Override
  public void insertWithInputs(FlowRecord flow, List<BufferedAsset> inputs) {
    storage.insertWithInputs(flow, inputs);
  }

  @Override
  public Optional<ClusterStore> cluster() {
    return storage.cluster();
  }

  @Override
  public void close() {
    storage.close();
  }
}
