package io.flowengine.postgres;

import io.flowengine.AssetRole;
import io.flowengine.NotFoundException;
import io.flowengine.spi.AssetDraft;
import io.flowengine.spi.AssetRecord;
import io.flowengine.spi.AssetStore;
import io.flowengine.spi.ContentStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * An {@link AssetStore} on {@code flowengine_assets}, content in {@code bytea} chunks of {@code
 * flowengine_asset_chunks}. A put is one transaction on one pooled connection, held while the
 * content is read from the caller ({@link AssetContentWriter}); a failure, the content's own
 * included, rolls it all back. Reading borrows a connection per chunk ({@link AssetContentStream}).
 * Deleting an asset row deletes its chunks with it (foreign key, {@code ON DELETE CASCADE}), so no
 * content outlives its asset. Thread-safe.
 */
final class PostgresAssetStore implements AssetStore {
  private static final String SELECT = "SELECT " + AssetRows.COLUMNS + " FROM " + AssetRows.TABLE;

  private final Connections connections;
  private final PostgresFailures failures;
  private final String nodeId;

  PostgresAssetStore(Connections connections, String nodeId) {
    this.connections = connections;
    this.failures = connections.failures();
    this.nodeId = nodeId;
  }

  @Override
  public AssetRecord put(AssetDraft draft, ContentStream content) throws IOException {
    EpochMicros.of(draft.createdAt(), "asset " + draft.id() + " createdAt");
    String action = "store asset " + draft.id() + " of flow " + draft.flowId();
    try (Connection c = connections.open()) {
      c.setAutoCommit(false);
      try {
        AssetRecord record = new AssetContentWriter(c, nodeId).write(draft, content);
        c.commit();
        return record;
      } catch (IOException | SQLException | RuntimeException e) {
        Connections.rollbackQuietly(c);
        throw e;
      } finally {
        if (!c.isClosed()) {
          c.setAutoCommit(true);
        }
      }
    } catch (SQLException e) {
      if (content.failure().isPresent()) {
        throw rethrown(content.failure().get());
      }
      if (PostgresFailures.isDuplicate(e)) {
        throw new IllegalStateException(
            "asset " + draft.id() + " of flow " + draft.flowId() + " already exists", e);
      }
      throw failures.of(action, e);
    } catch (IOException | RuntimeException e) {
      if (content.failure().isPresent()) {
        throw rethrown(content.failure().get());
      }
      throw e;
    }
  }

  /** Returns the content's own failure unchanged, as {@link AssetStore#put} promises. */
  private static IOException rethrown(Exception failure) {
    if (failure instanceof RuntimeException runtime) {
      throw runtime;
    }
    return failure instanceof IOException io ? io : new IOException(failure);
  }

  @Override
  public Optional<AssetRecord> find(String flowId, String assetId) {
    List<AssetRecord> found =
        select(" WHERE flow_id = ? AND id = ?", "read asset " + assetId, flowId, assetId);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
  }

  @Override
  public List<AssetRecord> list(String flowId, AssetRole role) {
    return select(
        " WHERE flow_id = ? AND role = ? ORDER BY id",
        "list " + role.wireName() + "s of flow " + flowId,
        flowId,
        role.ordinal());
  }

  private List<AssetRecord> select(String where, String action, Object... parameters) {
    try {
      return connections.call(
          c -> {
            try (PreparedStatement select = c.prepareStatement(SELECT + where)) {
              for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
              }
              try (ResultSet rows = select.executeQuery()) {
                return AssetRows.readAll(rows, failures);
              }
            }
          });
    } catch (SQLException e) {
      throw failures.of(action, e);
    }
  }

  @Override
  public InputStream open(String flowId, String assetId) throws IOException {
    AssetRecord asset =
        find(flowId, assetId)
            .orElseThrow(() -> new NotFoundException(NotFoundException.Kind.ASSET, assetId));
    return new AssetContentStream(connections, flowId, assetId, asset.size());
  }

  @Override
  public boolean delete(String flowId, String assetId) {
    return update(
            "DELETE FROM " + AssetRows.TABLE + " WHERE flow_id = ? AND id = ?",
            "delete asset " + assetId + " of flow " + flowId,
            flowId,
            assetId)
        == 1;
  }

  @Override
  public void deleteAll(String flowId) {
    update(
        "DELETE FROM " + AssetRows.TABLE + " WHERE flow_id = ?",
        "delete the assets of flow " + flowId,
        flowId);
  }

  /** Deletes with one statement, {@code flow_id = ANY(?)}, answered from the primary key. */
  @Override
  public void deleteAll(Collection<String> flowIds, AssetRole role) {
    if (flowIds.isEmpty()) {
      return;
    }
    try {
      connections.call(
          c -> {
            try (PreparedStatement delete =
                c.prepareStatement(
                    "DELETE FROM " + AssetRows.TABLE + " WHERE flow_id = ANY(?) AND role = ?")) {
              delete.setArray(1, c.createArrayOf("text", flowIds.toArray()));
              delete.setInt(2, role.ordinal());
              return delete.executeUpdate();
            }
          });
    } catch (SQLException e) {
      throw failures.of("delete the " + role.wireName() + "s of " + flowIds.size() + " flows", e);
    }
  }

  private int update(String sql, String action, String... parameters) {
    try {
      return connections.call(
          c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
              for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
              }
              return statement.executeUpdate();
            }
          });
    } catch (SQLException e) {
      throw failures.of(action, e);
    }
  }

  @Override
  public long storedBytes(String accountId) {
    try {
      return connections.call(
          c -> {
            try (PreparedStatement sum =
                c.prepareStatement(
                    "SELECT COALESCE(SUM(size), 0) FROM "
                        + AssetRows.TABLE
                        + " WHERE account_id = ?")) {
              sum.setString(1, accountId);
              try (ResultSet row = sum.executeQuery()) {
                row.next();
                return row.getLong(1);
              }
            }
          });
    } catch (SQLException e) {
      throw failures.of("sum the asset sizes of account " + accountId, e);
    }
  }
}
