package io.flowengine.postgres;

import io.flowengine.FlowState;
import io.flowengine.Parameters;
import io.flowengine.bench.NoopFlows;
import io.flowengine.spi.FlowRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The floors of the PostgreSQL benchmarks, in plain JDBC on one connection to a database with the
 * storage's schema: the rows a flow's lifecycle writes ({@link PostgresFlowSql#INSERT} when it is
 * created, then {@link PostgresFlowSql#COMPARE_AND_SET} to starting, running and completed, bound
 * by {@link FlowRows}), a batch of flows per transaction and step, the best a group commit can do;
 * and an empty commit that still writes a transaction id, so each one waits for its WAL flush
 * ({@code synchronous_commit} on). Not thread-safe: one sender.
 */
final class JdbcFloor implements AutoCloseable {
  private final Connection jdbc;
  private final PreparedStatement insert;
  private final PreparedStatement update;
  private final PreparedStatement xactId;
  private final String templateId = NoopFlows.template().id();
  private final HexFormat hex = HexFormat.of();
  private final AtomicLong nextId = new AtomicLong();

  JdbcFloor(Connection jdbc) throws SQLException {
    this.jdbc = jdbc;
    jdbc.setAutoCommit(false);
    insert = jdbc.prepareStatement(PostgresFlowSql.INSERT);
    update = jdbc.prepareStatement(PostgresFlowSql.COMPARE_AND_SET);
    // An empty transaction has no xid and its commit flushes nothing; asking for one makes the
    // commit a real, flushed one.
    xactId = jdbc.prepareStatement("SELECT pg_current_xact_id()");
  }

  /** Writes {@code count} flows through created, starting, running and completed: four commits. */
  void lifecycle(int count) throws SQLException {
    List<FlowRecord> flows = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      flows.add(newRecord());
    }
    for (FlowRecord flow : flows) {
      insert.setString(1, flow.id());
      FlowRows.bindValues(insert, 2, flow);
      insert.addBatch();
    }
    insert.executeBatch();
    jdbc.commit();
    flows = step(flows, FlowState.STARTING, 0.0, false);
    flows = step(flows, FlowState.RUNNING, 0.0, false);
    step(flows, FlowState.COMPLETED, 1.0, true);
  }

  /** Commits one transaction that took a transaction id, so its commit is flushed. */
  long commit() throws SQLException {
    long id;
    try (ResultSet row = xactId.executeQuery()) {
      row.next();
      id = row.getLong(1);
    }
    jdbc.commit();
    return id;
  }

  /** Deletes every flow row. */
  void purge() throws SQLException {
    try (Statement delete = jdbc.createStatement()) {
      delete.executeUpdate("DELETE FROM " + FlowRows.TABLE);
      jdbc.commit();
    }
  }

  @Override
  public void close() throws SQLException {
    jdbc.close();
  }

  private List<FlowRecord> step(
      List<FlowRecord> flows, FlowState state, double progress, boolean finished)
      throws SQLException {
    List<FlowRecord> next = new ArrayList<>(flows.size());
    Instant now = now();
    for (FlowRecord flow : flows) {
      FlowRecord moved =
          flow.transitioned(
              state,
              progress,
              flow.startedAt() != null ? flow.startedAt() : now,
              finished ? now : null,
              null);
      FlowRows.bindValues(update, 1, moved);
      update.setString(FlowRows.COUNT, flow.id());
      update.setLong(FlowRows.COUNT + 1, flow.version());
      update.addBatch();
      next.add(moved);
    }
    for (int count : update.executeBatch()) {
      if (count != 1) {
        throw new IllegalStateException("lost update");
      }
    }
    jdbc.commit();
    return next;
  }

  private FlowRecord newRecord() {
    Instant created = now();
    String id =
        hex.toHexDigits((int) created.getEpochSecond()) + hex.toHexDigits(nextId.getAndIncrement());
    return new FlowRecord(
        id,
        null,
        templateId,
        NoopFlows.TEMPLATE,
        FlowState.CREATED,
        0.0,
        Parameters.empty(),
        null,
        List.of(),
        created,
        null,
        null,
        null,
        null,
        0);
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
