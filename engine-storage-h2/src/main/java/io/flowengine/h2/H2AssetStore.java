package io.flowengine.h2;

import io.flowengine.AssetRole;
import io.flowengine.NotFoundException;
import io.flowengine.jdbc.EpochMicros;
import io.flowengine.jdbc.GroupCommit;
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
import java.sql.Types;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.h2.api.ErrorCode;
import org.jspecify.annotations.Nullable;

/**
 * An {@link AssetStore} on the {@code ASSETS} table, content in a BLOB column that H2 keeps in its
 * LOB storage in blocks: {@link #open} streams it out without holding an asset in memory. A put of
 * content up to {@value #GROUPED_MAX_BYTES} bytes is read into memory and written through the
 * storage's {@link GroupCommit}, so small assets of many callers share one commit. A larger one is
 * streamed in, in one transaction on a connection of its own (a large upload does not hold a pooled
 * connection or the writer): the row is written with the content and then given its size and
 * digest, and a failure rolls it all back. Thread-safe.
 */
final class H2AssetStore implements AssetStore {
  /** The largest content written through the group commit; larger content is streamed. */
  static final int GROUPED_MAX_BYTES = 64 * 1024;

  private final ConnectionPool pool;
  private final StorageFailures failures;
  private final GroupCommit commit;

  H2AssetStore(ConnectionPool pool, StorageFailures failures, GroupCommit commit) {
    this.pool = pool;
    this.failures = failures;
    this.commit = commit;
  }

  @Override
  public AssetRecord put(AssetDraft draft, ContentStream content) throws IOException {
    EpochMicros.of(draft.createdAt(), "asset " + draft.id() + " createdAt");
    if (find(draft.flowId(), draft.id()).isPresent()) {
      throw duplicate(draft, null);
    }
    byte[] head = content.readNBytes(GROUPED_MAX_BYTES + 1); // a failure propagates unchanged
    if (head.length <= GROUPED_MAX_BYTES) {
      return putGrouped(draft.stored(content.size(), content.sha256()), head);
    }
    return putStreamed(
        draft, content, new SequenceInputStream(new ByteArrayInputStream(head), content));
  }

  private AssetRecord putGrouped(AssetRecord record, byte[] bytes) {
    return GroupCommit.await(
        commit.execute(
            c -> {
              try (PreparedStatement insert = c.prepareStatement(AssetRows.INSERT_STORED)) {
                AssetRows.bindStored(insert, record, bytes);
                insert.executeUpdate();
              } catch (SQLException e) {
                if (e.getErrorCode() == ErrorCode.DUPLICATE_KEY_1) {
                  throw new IllegalStateException(
                      "asset " + record.id() + " of flow " + record.flowId() + " already exists",
                      e);
                }
                throw failures.of("store asset " + record.id() + " of flow " + record.flowId(), e);
              }
              return record;
            }));
  }

  // H2 writes the content on the caller's thread, which must not be interrupted: InterruptShield.
  private AssetRecord putStreamed(AssetDraft draft, ContentStream content, InputStream rest)
      throws IOException {
    return InterruptShield.run(() -> putStreamedShielded(draft, content, rest));
  }

  private AssetRecord putStreamedShielded(AssetDraft draft, ContentStream content, InputStream rest)
      throws IOException {
    try (Connection c = pool.openDedicated()) {
      c.setAutoCommit(false);
      try {
        AssetRecord record = insert(c, draft, content, rest);
        c.commit();
        return record;
      } catch (SQLException | RuntimeException e) {
        ConnectionPool.quietlyClose(c::rollback);
        throw e;
      }
    } catch (SQLException e) {
      if (content.failure().isPresent()) {
        throw rethrown(content.failure().get());
      }
      if (e.getErrorCode() == ErrorCode.DUPLICATE_KEY_1) {
        throw duplicate(draft, e);
      }
      throw failures.of("store asset " + draft.id() + " of flow " + draft.flowId(), e);
    } catch (RuntimeException e) {
      if (content.failure().isPresent()) {
        throw rethrown(content.failure().get());
      }
      throw e;
    }
  }

  private static AssetRecord insert(
      Connection c, AssetDraft draft, ContentStream content, InputStream rest) throws SQLException {
    try (PreparedStatement insert = c.prepareStatement(AssetRows.INSERT)) {
      AssetRows.bindInsert(insert, draft);
      insert.setBinaryStream(9, rest, -1);
      insert.executeUpdate();
    }
    AssetRecord record = draft.stored(content.size(), content.sha256());
    try (PreparedStatement update = c.prepareStatement(AssetRows.SET_DIGEST)) {
      update.setLong(1, record.size());
      update.setString(2, record.sha256());
      update.setString(3, draft.flowId());
      update.setString(4, draft.id());
      update.executeUpdate();
    }
    return record;
  }

  private static IllegalStateException duplicate(AssetDraft draft, @Nullable SQLException cause) {
    return new IllegalStateException(
        "asset " + draft.id() + " of flow " + draft.flowId() + " already exists", cause);
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
        select("WHERE FLOW_ID = ? AND ID = ?", "read asset " + assetId, flowId, assetId);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
  }

  @Override
  public List<AssetRecord> list(String flowId, AssetRole role) {
    return select(
        "WHERE FLOW_ID = ? AND ROLE = ? ORDER BY FLOW_ID, ID",
        "list " + role.wireName() + "s of flow " + flowId,
        flowId,
        role.ordinal());
  }

  private List<AssetRecord> select(String where, String action, Object... parameters) {
    try {
      return pool.call(
          c -> {
            try (PreparedStatement select =
                c.prepareStatement("SELECT " + AssetRows.COLUMNS + " FROM ASSETS " + where)) {
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
    try {
      return InterruptShield.run(() -> BlobStream.open(pool.openDedicated(), flowId, assetId))
          .orElseThrow(() -> new NotFoundException(NotFoundException.Kind.ASSET, assetId));
    } catch (SQLException e) {
      throw failures.of("open asset " + assetId + " of flow " + flowId, e);
    }
  }

  @Override
  public boolean delete(String flowId, String assetId) {
    return update(
            "DELETE FROM ASSETS WHERE FLOW_ID = ? AND ID = ?",
            "delete asset " + assetId,
            flowId,
            assetId)
        == 1;
  }

  @Override
  public void deleteAll(String flowId) {
    update("DELETE FROM ASSETS WHERE FLOW_ID = ?", "delete the assets of flow " + flowId, flowId);
  }

  /**
   * Deletes with one statement, {@code FLOW_ID = ANY(?)}, which H2 answers from the primary key.
   */
  @Override
  public void deleteAll(Collection<String> flowIds, AssetRole role) {
    if (flowIds.isEmpty()) {
      return;
    }
    try {
      pool.call(
          c -> {
            try (PreparedStatement delete =
                c.prepareStatement("DELETE FROM ASSETS WHERE FLOW_ID = ANY(?) AND ROLE = ?")) {
              delete.setObject(1, flowIds.toArray(new String[0]), Types.ARRAY);
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
      return pool.call(
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
      return pool.call(
          c -> {
            try (PreparedStatement sum =
                c.prepareStatement(
                    "SELECT COALESCE(SUM(SIZE), 0) FROM ASSETS WHERE ACCOUNT_ID = ?")) {
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
