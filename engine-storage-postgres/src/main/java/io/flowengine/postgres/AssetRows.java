package io.flowengine.postgres;

import io.flowengine.AssetRole;
import io.flowengine.jdbc.EpochMicros;
import io.flowengine.spi.AssetDraft;
import io.flowengine.spi.AssetRecord;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps asset metadata to rows of {@code flowengine_assets} and back, and holds the statements that
 * write them; the content is in {@code flowengine_asset_chunks}, which {@link AssetContentWriter}
 * and {@link AssetContentStream} stream. Reading checks every value, so a damaged row is reported
 * as corrupt, naming the asset. Stateless.
 */
final class AssetRows {
  static final String TABLE = "flowengine_assets";
  static final String CHUNKS = "flowengine_asset_chunks";

  /** The metadata columns, in the order {@link #read} expects. */
  static final String COLUMNS =
      "flow_id, id, account_id, role, media_type, size, sha256, created_us, additional, derived_from";

  /**
   * Inserts a row whose size and digest {@link #SET_DIGEST} fills in once the content is stored, in
   * the same transaction; parameters 1 to 8 from {@link #bindInsert}, 9 the writing node.
   */
  static final String INSERT =
      "INSERT INTO "
          + TABLE
          + " ("
          + COLUMNS
          + ", writer_node) VALUES (?, ?, ?, ?, ?, -1, '', ?, ?, ?, ?)";

  /** Inserts a row with its size and digest: {@link #bindInsert}, 9 size, 10 sha256, 11 node. */
  static final String INSERT_STORED =
      "INSERT INTO "
          + TABLE
          + " (flow_id, id, account_id, role, media_type, created_us, additional, derived_from,"
          + " size, sha256, writer_node) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  static final String INSERT_CHUNK =
      "INSERT INTO " + CHUNKS + " (flow_id, asset_id, seq, data) VALUES (?, ?, ?, ?)";

  static final String SET_DIGEST =
      "UPDATE " + TABLE + " SET size = ?, sha256 = ? WHERE flow_id = ? AND id = ?";

  static final String SELECT_CHUNK =
      "SELECT data FROM " + CHUNKS + " WHERE flow_id = ? AND asset_id = ? AND seq = ?";

  private AssetRows() {}

  /** Binds {@link #INSERT}'s metadata parameters (1 to 8). */
  static void bindInsert(PreparedStatement insert, AssetDraft draft) throws SQLException {
    insert.setString(1, draft.flowId());
    insert.setString(2, draft.id());
    insert.setString(3, draft.accountId());
    insert.setShort(4, (short) draft.role().ordinal());
    insert.setString(5, draft.mediaType());
    insert.setLong(6, EpochMicros.of(draft.createdAt(), "asset " + draft.id() + " createdAt"));
    insert.setString(7, draft.additional());
    insert.setString(8, draft.derivedFrom());
  }

  /** Reads the current row, selected with {@link #COLUMNS}. */
  static AssetRecord read(ResultSet row, PostgresFailures failures) throws SQLException {
    String id = row.getString(2);
    try {
      int role = row.getInt(4);
      if (role < 0 || role >= AssetRole.values().length) {
        throw new IllegalArgumentException("unknown role " + role);
      }
      long size = row.getLong(6);
      String sha256 = row.getString(7);
      if (size < 0 || sha256 == null || sha256.length() != 64) {
        throw new IllegalArgumentException(
            "size " + size + " and sha-256 '" + sha256 + "' are not valid");
      }
      return new AssetRecord(
          id,
          row.getString(1),
          row.getString(3),
          AssetRole.values()[role],
          row.getString(5),
          size,
          sha256,
          EpochMicros.toInstant(row.getLong(8)),
          row.getString(9),
          row.getString(10));
    } catch (RuntimeException e) {
      throw failures.corrupt("the row of asset " + id, e);
    }
  }

  static List<AssetRecord> readAll(ResultSet rows, PostgresFailures failures) throws SQLException {
    List<AssetRecord> records = new ArrayList<>();
    while (rows.next()) {
      records.add(read(rows, failures));
    }
    return records;
  }
}
