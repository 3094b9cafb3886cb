package io.flowengine.postgres;

import io.flowengine.AssetRole;
import io.flowengine.NotFoundException;
import io.flowengine.jdbc.EpochMicros;
import io.flowengine.jdbc.GroupCommit;
import io.flowengine.jdbc.SqlWork;
import io.flowengine.spi.AssetDraft;
import io.flowengine.spi.AssetRecord;
import io.flowengine.spi.AssetStore;
import io.flowengine.spi.ContentStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * An {@link AssetStore} on {@code flowengine_assets}, content in {@code bytea} chunks of {@code
 * flowengine_asset_chunks}. A put of content up to {@value #GROUPED_MAX_BYTES} bytes is read into
 * memory and written through the storage's {@link GroupCommit}, so small assets of many callers
 * share one commit. A larger one is one transaction on one pooled connection, held while the
 * content is read from the caller ({@link AssetContentWriter}); a failure, the content's own
 * included, rolls it all back. Reading borrows a connection per chunk ({@link AssetContentStream}).
 * Deleting an asset row deletes its chunks with it (foreign key, {@code ON DELETE CASCADE}), so no
 * content outlives its asset. Thread-safe.
 */
final class PostgresAssetStore implements AssetStore {
  /** The largest content written through the group commit; larger content is streamed. */
  static final int GROUPED_MAX_BYTES = 64 * 1024;

  private static final String SELECT = "SELECT " + AssetRows.COLUMNS + " FROM " + AssetRows.TABLE;

  private final Connections connections;
  private final PostgresFailures failures;
  private final String nodeId;
  private final GroupCommit commit;
  private final boolean fenceOutputs;

  /**
   * A store writing as {@code nodeId}; {@code fenceOutputs} in cluster mode ({@link OutputFence}).
   */
  PostgresAssetStore(
      Connections connections, String nodeId, GroupCommit commit, boolean fenceOutputs) {
    this.connections = connections;
    this.failures = connections.failures();
    this.nodeId = nodeId;
    this.commit = commit;
    this.fenceOutputs = fenceOutputs;
  }

  @Override
  public AssetRecord put(AssetDraft draft, ContentStream content) throws IOException {
    EpochMicros.of(draft.createdAt(), "asset " + draft.id() + " createdAt");
    byte[] head = content.readNBytes(GROUPED_MAX_BYTES + 1); // a failure propagates unchanged
    if (head.length <= GROUPED_MAX_BYTES) {
      return putGrouped(draft.stored(content.size(), content.sha256()), head);
    }
    return putStreamed(
        draft, content, new SequenceInputStream(new ByteArrayInputStream(head), content));
  }

  /** Writes a small asset in a group commit's batch, with other callers' changes. */
  private AssetRecord putGrouped(AssetRecord record, byte[] bytes) {
    return GroupCommit.await(
        commit.execute(new SmallAssetWrite(record, bytes, nodeId, fenceOutputs)));
  }

  /** Writes an asset whose content is in memory, in the group commit's transaction. */
  private static final class SmallAssetWrite implements SqlWork<AssetRecord> {
    private final AssetRecord record;
    private final byte[] bytes;
    private final String node;
    private final boolean fenced;

    SmallAssetWrite(AssetRecord record, byte[] bytes, String node, boolean fenced) {
      this.record = record;
      this.bytes = bytes;
      this.node = node;
      this.fenced = fenced;
    }

    @Override
    public AssetRecord execute(Connection connection) throws SQLException {
      AssetContentWriter.writeStored(connection, record, bytes, node, fenced);
      return record;
    }

    @Override
    public String toString() {
      return "asset " + record.id() + " of flow " + record.flowId();
    }
  }

  private AssetRecord putStreamed(AssetDraft draft, ContentStream content, InputStream bytes)
      throws IOException {
    String action = "store asset " + draft.id() + " of flow " + draft.flowId();
    try (Connection c = connections.open()) {
      c.setAutoCommit(false);
      try {
        AssetRecord record =
            new AssetContentWriter(c, nodeId, fenceOutputs).write(draft, content, bytes);
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
