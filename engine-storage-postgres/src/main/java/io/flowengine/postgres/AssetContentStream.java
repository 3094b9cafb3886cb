package io.flowengine.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;

/**
 * An asset's content, read one {@code bytea} chunk at a time, each with a connection borrowed from
 * the pool for that one query: a slow reader holds no connection and no transaction between chunks,
 * and at most one chunk is in memory. The asset's size, read when it was opened, tells where the
 * content ends, so an asset deleted while it is read is an {@link IOException}, never a silently
 * short stream. Not thread-safe, like any stream.
 */
final class AssetContentStream extends InputStream {
  private final Connections connections;
  private final String flowId;
  private final String assetId;
  private final long size;
  private byte[] chunk = new byte[0];
  private int offset;
  private int nextSeq;
  private long delivered;
  private boolean closed;

  AssetContentStream(Connections connections, String flowId, String assetId, long size) {
    this.connections = connections;
    this.flowId = flowId;
    this.assetId = assetId;
    this.size = size;
  }

  @Override
  public int read() throws IOException {
    if (!fill()) {
      return -1;
    }
    delivered++;
    return chunk[offset++] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    if (len == 0) {
      return 0;
    }
    if (!fill()) {
      return -1;
    }
    int n = Math.min(len, chunk.length - offset);
    System.arraycopy(chunk, offset, b, off, n);
    offset += n;
    delivered += n;
    return n;
  }

  @Override
  public int available() {
    return closed ? 0 : chunk.length - offset;
  }

  /** Makes bytes available; returns false at the end of the content. */
  private boolean fill() throws IOException {
    if (closed) {
      throw new IOException("the stream of asset " + assetId + " is closed");
    }
    while (offset == chunk.length) {
      if (delivered >= size) {
        return false;
      }
      chunk = fetch(nextSeq++);
      offset = 0;
    }
    return true;
  }

  private byte[] fetch(int seq) throws IOException {
    byte[] data;
    try {
      data =
          connections.call(
              c -> {
                try (PreparedStatement select = c.prepareStatement(AssetRows.SELECT_CHUNK)) {
                  select.setString(1, flowId);
                  select.setString(2, assetId);
                  select.setInt(3, seq);
                  try (ResultSet row = select.executeQuery()) {
                    return row.next() ? row.getBytes(1) : new byte[0]; // empty: missing
                  }
                }
              });
    } catch (SQLException e) {
      throw new IOException(
          connections
              .failures()
              .of("read chunk " + seq + " of asset " + assetId + " of flow " + flowId, e)
              .getMessage(),
          e);
    }
    if (data == null || data.length == 0 || delivered + data.length > size) {
      throw new IOException(
          "asset "
              + assetId
              + " of flow "
              + flowId
              + " in "
              + connections.failures().database()
              + (data == null
                  ? " was deleted while it was read (" + delivered + " of " + size + " bytes read)"
                  : " has a chunk " + seq + " that does not fit its size " + size));
    }
    return data;
  }

  @Override
  public void close() {
    closed = true;
    chunk = new byte[0];
    offset = 0;
  }
}
