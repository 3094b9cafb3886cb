package io.flowengine.jdbc;

import io.flowengine.FlowState;
import io.flowengine.Parameters;
import io.flowengine.StorageException;
import io.flowengine.spi.FlowRecord;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.h2.api.ErrorCode;

/**
 * A small flow table in an in-memory H2 database, written through a {@link FlowSql} of its own: id,
 * state, progress and version. Inserting the flow {@link #GATE} holds the writer until {@link
 * #open()}, so a test can queue changes while the writer is busy.
 */
final class TestTable implements FlowSql {
  static final String GATE = "gate";

  final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  final CountDownLatch gateEntered = new CountDownLatch(1);
  private final CountDownLatch gateOpen = new CountDownLatch(1);

  private final boolean keepsTransaction;

  /**
   * @param keepsTransaction whether a failed statement leaves the transaction usable (as on H2), or
   *     the writer must roll back and write the batch again (as on PostgreSQL)
   */
  TestTable(boolean keepsTransaction) throws SQLException {
    this.keepsTransaction = keepsTransaction;
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE F (ID VARCHAR PRIMARY KEY, STATE INT NOT NULL,"
              + " PROGRESS DOUBLE PRECISION NOT NULL, VERSION BIGINT NOT NULL)");
    }
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url);
  }

  void open() {
    gateOpen.countDown();
  }

  void awaitGate() throws InterruptedException {
    if (!gateEntered.await(10, TimeUnit.SECONDS)) {
      throw new AssertionError("the writer never reached the gate");
    }
  }

  static FlowRecord flow(String id) {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    return new FlowRecord(
        id,
        null,
        "t",
        "t",
        FlowState.CREATED,
        0,
        Parameters.empty(),
        null,
        List.of(),
        now,
        null,
        null,
        null,
        null,
        0);
  }

  /** Returns the stored version of a flow, or -1. */
  long version(String id) throws SQLException {
    try (Connection c = connect();
        PreparedStatement p = c.prepareStatement("SELECT VERSION FROM F WHERE ID = ?")) {
      p.setString(1, id);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? r.getLong(1) : -1;
      }
    }
  }

  /** Returns the stored progress of a flow. */
  double progress(String id) throws SQLException {
    try (Connection c = connect();
        PreparedStatement p = c.prepareStatement("SELECT PROGRESS FROM F WHERE ID = ?")) {
      p.setString(1, id);
      try (ResultSet r = p.executeQuery()) {
        r.next();
        return r.getDouble(1);
      }
    }
  }

  @Override
  public FlowStatements prepare(Connection connection) throws SQLException {
    PreparedStatement insert = connection.prepareStatement("INSERT INTO F VALUES (?, ?, ?, ?)");
    PreparedStatement update =
        connection.prepareStatement(
            "UPDATE F SET STATE = ?, PROGRESS = ?, VERSION = ? WHERE ID = ? AND VERSION = ?");
    PreparedStatement delete =
        connection.prepareStatement("DELETE FROM F WHERE ID = ? AND VERSION = ?");
    return new FlowStatements() {
      @Override
      public void insert(FlowRecord record) throws SQLException {
        if (record.id().equals(GATE)) {
          gateEntered.countDown();
          try {
            gateOpen.await();
          } catch (InterruptedException e) {
            throw new SQLException(e);
          }
        }
        insert.setString(1, record.id());
        insert.setInt(2, record.state().ordinal());
        insert.setDouble(3, record.progress());
        insert.setLong(4, record.version());
        insert.executeUpdate();
      }

      @Override
      public boolean compareAndSet(FlowRecord expected, FlowRecord next) throws SQLException {
        update.setInt(1, next.state().ordinal());
        update.setDouble(2, next.progress());
        update.setLong(3, next.version());
        update.setString(4, expected.id());
        update.setLong(5, expected.version());
        return update.executeUpdate() == 1;
      }

      @Override
      public boolean delete(FlowRecord expected) throws SQLException {
        delete.setString(1, expected.id());
        delete.setLong(2, expected.version());
        return delete.executeUpdate() == 1;
      }

      @Override
      public void close() throws SQLException {
        insert.close();
        update.close();
        delete.close();
      }
    };
  }

  @Override
  public boolean statementFailureKeepsTransaction() {
    return keepsTransaction;
  }

  @Override
  public RuntimeException failure(String action, SQLException e) {
    if (e.getErrorCode() == ErrorCode.DUPLICATE_KEY_1) {
      return new IllegalStateException(action + ": exists", e);
    }
    return new StorageException("could not " + action + ": " + e.getMessage(), e);
  }
}
