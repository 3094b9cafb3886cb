package io.flowengine.postgres;

import io.flowengine.AssetRole;
import io.flowengine.jdbc.EpochMicros;
import io.flowengine.spi.AssetDraft;
import io.flowengine.spi.AssetRecord;
import io.flowengine.spi.ContentStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Stores one asset in the transaction of {@code connection}: its row first (so a duplicate id fails
 * before any content is read), then the content as {@code bytea} chunks of {@value #CHUNK_BYTES}
 * bytes read one at a time, then the size and digest. At most one chunk is in memory. The caller
 * commits, or rolls back if anything threw. Not thread-safe: one per put.
 */
final class AssetContentWriter {
  /** The chunk size: measured fastest of 256 KiB and 1 MiB both ways (module README). */
  static final int CHUNK_BYTES = 1 << 20;

  private final Connection connection;
  private final String writerNode;
  private final boolean fenceOutputs;

  /**
   * A writer for {@code writerNode}; with {@code fenceOutputs} (cluster mode) an output is stored
   * only while the node owns its flow ({@link OutputFence}).
   */
  AssetContentWriter(Connection connection, String writerNode, boolean fenceOutputs) {
    this.connection = connection;
    this.writerNode = writerNode;
    this.fenceOutputs = fenceOutputs;
  }

  /**
   * Writes an asset whose content is in memory, already hashed: one row, one chunk (none if empty).
   *
   * @throws SQLException what the database threw; a unique violation for a duplicate id
   */
  static void writeStored(
      Connection connection, AssetRecord record, byte[] content, String node, boolean fenceOutputs)
      throws SQLException {
    if (fenceOutputs && record.role() == AssetRole.OUTPUT) {
      OutputFence.check(connection, record.flowId(), node, record.id());
    }
    try (PreparedStatement insert = connection.prepareStatement(AssetRows.INSERT_STORED)) {
      insert.setString(1, record.flowId());
      insert.setString(2, record.id());
      insert.setString(3, record.accountId());
      insert.setShort(4, (short) record.role().ordinal());
      insert.setString(5, record.mediaType());
      insert.setLong(6, EpochMicros.of(record.createdAt(), "asset " + record.id() + " createdAt"));
      insert.setString(7, record.additional());
      insert.setString(8, record.derivedFrom());
      insert.setLong(9, record.size());
      insert.setString(10, record.sha256());
      insert.setString(11, node);
      insert.executeUpdate();
    }
    if (content.length > 0) {
      try (PreparedStatement chunk = connection.prepareStatement(AssetRows.INSERT_CHUNK)) {
        chunk.setString(1, record.flowId());
        chunk.setString(2, record.id());
        chunk.setInt(3, 0);
        chunk.setBytes(4, content);
        chunk.executeUpdate();
      }
    }
  }

  /**
   * Writes the asset and returns its record.
   *
   * @param bytes the content's bytes: {@code content} itself, or what is left of it after a part
   *     already read, chained behind that part
   * @throws IOException what reading {@code content} threw
   * @throws SQLException what the database threw; a unique violation for a duplicate id
   */
  AssetRecord write(AssetDraft draft, ContentStream content, InputStream bytes)
      throws IOException, SQLException {
    if (fenceOutputs && draft.role() == AssetRole.OUTPUT) {
      OutputFence.check(connection, draft.flowId(), writerNode, draft.id());
    }
    try (PreparedStatement insert = connection.prepareStatement(AssetRows.INSERT)) {
      AssetRows.bindInsert(insert, draft);
      insert.setString(9, writerNode);
      insert.executeUpdate();
    }
    byte[] buffer = new byte[CHUNK_BYTES];
    try (PreparedStatement chunk = connection.prepareStatement(AssetRows.INSERT_CHUNK)) {
      for (int seq = 0; ; seq++) {
        int n = bytes.readNBytes(buffer, 0, buffer.length);
        if (n == 0) {
          break;
        }
        chunk.setString(1, draft.flowId());
        chunk.setString(2, draft.id());
        chunk.setInt(3, seq);
        chunk.setBytes(4, n == buffer.length ? buffer : Arrays.copyOf(buffer, n));
        chunk.executeUpdate();
        if (n < buffer.length) { // readNBytes stops short only at the end of the content
          break;
        }
      }
    }
    AssetRecord record = draft.stored(content.size(), content.sha256());
    try (PreparedStatement update = connection.prepareStatement(AssetRows.SET_DIGEST)) {
      update.setLong(1, record.size());
      update.setString(2, record.sha256());
      update.setString(3, draft.flowId());
      update.setString(4, draft.id());
      update.executeUpdate();
    }
    return record;
  }
}
