package io.flowengine.h2;

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
 * Maps asset metadata to rows of {@code ASSETS} and back; the content is a BLOB column that {@link
 * H2AssetStore} streams separately. Reading checks every value, so a damaged row is reported as
 * corrupt, naming the asset. Stateless.
 */
final class AssetRows {
  /** The metadata columns, in the order {@link #read} expects. */
  static final String COLUMNS =
      "FLOW_ID, ID, ACCOUNT_ID, ROLE, MEDIA_TYPE, SIZE, SHA256, CREATED_US, ADDITIONAL, DERIVED_FROM";

  /** Inserts a row whose size and digest {@link #SET_DIGEST} fills in once the content is read. */
  static final String INSERT =
      "INSERT INTO ASSETS ("
          + COLUMNS
          + ", CONTENT) "
          + "VALUES (?, ?, ?, ?, ?, -1, '', ?, ?, ?, ?)";

  /** Inserts a row whose content was read already, with its size and digest. */
  static final String INSERT_STORED =
      "INSERT INTO ASSETS (" + COLUMNS + ", CONTENT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  static final String SET_DIGEST =
      "UPDATE ASSETS SET SIZE = ?, SHA256 = ? WHERE FLOW_ID = ? AND ID = ?";

  private AssetRows() {}

  /** Binds {@link #INSERT}'s metadata parameters (1 to 8); the content is parameter 9. */
  static void bindInsert(PreparedStatement insert, AssetDraft draft) throws SQLException {
    insert.setString(1, draft.flowId());
    insert.setString(2, draft.id());
    insert.setString(3, draft.accountId());
    insert.setInt(4, draft.role().ordinal());
    insert.setString(5, draft.mediaType());
    insert.setLong(6, EpochMicros.of(draft.createdAt(), "asset " + draft.id() + " createdAt"));
    insert.setString(7, draft.additional());
    insert.setString(8, draft.derivedFrom());
  }

  /** Binds {@link #INSERT_STORED}'s parameters. */
  static void bindStored(PreparedStatement insert, AssetRecord record, byte[] content)
      throws SQLException {
    insert.setString(1, record.flowId());
    insert.setString(2, record.id());
    insert.setString(3, record.accountId());
    insert.setInt(4, record.role().ordinal());
    insert.setString(5, record.mediaType());
    insert.setLong(6, record.size());
    insert.setString(7, record.sha256());
    insert.setLong(8, EpochMicros.of(record.createdAt(), "asset " + record.id() + " createdAt"));
    insert.setString(9, record.additional());
    insert.setString(10, record.derivedFrom());
    insert.setBytes(11, content);
  }

  /** Reads the current row, selected with {@link #COLUMNS}. */
  static AssetRecord read(ResultSet row, StorageFailures failures) throws SQLException {
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

  static List<AssetRecord> readAll(ResultSet rows, StorageFailures failures) throws SQLException {
    List<AssetRecord> records = new ArrayList<>();
    while (rows.next()) {
      records.add(read(rows, failures));
    }
    return records;
  }
}
