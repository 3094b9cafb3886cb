package io.flowengine.h2;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * An asset's content as H2 streams it from its LOB storage, read in a transaction on a connection
 * of its own, which closing the stream ends and closes. Not thread-safe, like any stream.
 */
final class BlobStream extends FilterInputStream {
  private final Connection connection;
  private final PreparedStatement select;
  private boolean closed;

  private BlobStream(InputStream content, Connection connection, PreparedStatement select) {
    super(content);
    this.connection = connection;
    this.select = select;
  }

  /**
   * Opens the content of an asset on {@code connection}, which the returned stream owns; if there
   * is no such asset the connection is closed and the result is empty.
   */
  static Optional<InputStream> open(Connection connection, String flowId, String assetId)
      throws SQLException {
    PreparedStatement select = null;
    try {
      connection.setAutoCommit(false); // opened by the caller, under InterruptShield
      select =
          connection.prepareStatement("SELECT CONTENT FROM ASSETS WHERE FLOW_ID = ? AND ID = ?");
      select.setString(1, flowId);
      select.setString(2, assetId);
      ResultSet row = select.executeQuery();
      if (!row.next()) {
        ConnectionPool.quietlyClose(connection);
        return Optional.empty();
      }
      return Optional.of(new BlobStream(row.getBinaryStream(1), connection, select));
    } catch (SQLException | RuntimeException e) {
      ConnectionPool.quietlyClose(connection);
      throw e;
    }
  }

  // H2 reads the content from its file on the reader's thread: see InterruptShield.
  @Override
  public int read() throws IOException {
    return InterruptShield.read(super::read);
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    return InterruptShield.read(() -> super.read(b, off, len));
  }

  @Override
  public long skip(long n) throws IOException {
    return InterruptShield.run(() -> super.skip(n));
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      InterruptShield.execute(super::close);
    } finally {
      ConnectionPool.quietlyClose(select);
      InterruptShield.execute(
          () -> {
            ConnectionPool.quietlyClose(connection::rollback);
            ConnectionPool.quietlyClose(connection);
          });
    }
  }
}
