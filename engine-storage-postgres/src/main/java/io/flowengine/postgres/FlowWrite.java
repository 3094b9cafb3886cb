package io.flowengine.postgres;

import static java.util.Objects.requireNonNull;

import io.flowengine.spi.FlowRecord;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * One change to {@code flowengine_flows}, as data: its statement, how to bind one row of it, and
 * which flow it concerns. The flow store describes every change this way and hands it to a {@link
 * WritePath}, which decides how it reaches the database: one statement per change today, or many
 * changes of the same kind bound into one JDBC batch and one commit by a grouped write path, with
 * nothing here rewritten. Every write either changes exactly one row ({@link #applied}) or none.
 * Immutable and thread-safe.
 */
sealed interface FlowWrite {
  /** Returns the flow the change is about. */
  String flowId();

  /** Returns the statement; equal for every write of the same kind, so writes can be batched. */
  String sql();

  /** Binds this write's parameters to {@code statement}, prepared from {@link #sql()}. */
  void bind(PreparedStatement statement) throws SQLException;

  /** Returns what the change is, for messages, e.g. "update flow x from version 3". */
  String action();

  /** Returns whether an update count means the change was made. */
  default boolean applied(int updateCount) {
    return updateCount == 1;
  }

  /** Inserts a new flow; a duplicate id is a unique violation. */
  record Insert(FlowRecord record) implements FlowWrite {
    static final String SQL =
        "INSERT INTO "
            + FlowRows.TABLE
            + " ("
            + FlowRows.COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** Checks the record can be stored. */
    public Insert {
      requireNonNull(record, "record");
      FlowRows.checkTimes(record);
    }

    @Override
    public String flowId() {
      return record.id();
    }

    @Override
    public String sql() {
      return SQL;
    }

    @Override
    public void bind(PreparedStatement statement) throws SQLException {
      statement.setString(1, record.id());
      FlowRows.bindValues(statement, 2, record);
    }

    @Override
    public String action() {
      return "insert flow " + record.id();
    }
  }

  /** Replaces a flow if its stored version is still {@code expected.version()}. */
  record CompareAndSet(FlowRecord expected, FlowRecord next) implements FlowWrite {
    static final String SQL =
        "UPDATE "
            + FlowRows.TABLE
            + " SET account_id = ?, template_id = ?, template_name = ?, state = ?, progress = ?,"
            + " parameters = ?, additional = ?, input_ids = ?, created_us = ?, started_us = ?,"
            + " finished_us = ?, error = ?, timeout = ?, version = ?"
            + " WHERE id = ? AND version = ?";

    /**
     * Checks that {@code next} is the next version of the same flow.
     *
     * @throws IllegalArgumentException if not, or a time cannot be stored exactly
     */
    public CompareAndSet {
      if (!next.id().equals(expected.id()) || next.version() != expected.version() + 1) {
        throw new IllegalArgumentException(
            "next must be version "
                + (expected.version() + 1)
                + " of flow "
                + expected.id()
                + ", was version "
                + next.version()
                + " of "
                + next.id());
      }
      FlowRows.checkTimes(next);
    }

    @Override
    public String flowId() {
      return expected.id();
    }

    @Override
    public String sql() {
      return SQL;
    }

    @Override
    public void bind(PreparedStatement statement) throws SQLException {
      FlowRows.bindValues(statement, 1, next);
      statement.setString(15, expected.id());
      statement.setLong(16, expected.version());
    }

    @Override
    public String action() {
      return "update flow " + expected.id() + " from version " + expected.version();
    }
  }

  /** Deletes a flow if its stored version is still {@code expected.version()}. */
  record Delete(FlowRecord expected) implements FlowWrite {
    static final String SQL = "DELETE FROM " + FlowRows.TABLE + " WHERE id = ? AND version = ?";

    /** Checks the record is present. */
    public Delete {
      requireNonNull(expected, "expected");
    }

    @Override
    public String flowId() {
      return expected.id();
    }

    @Override
    public String sql() {
      return SQL;
    }

    @Override
    public void bind(PreparedStatement statement) throws SQLException {
      statement.setString(1, expected.id());
      statement.setLong(2, expected.version());
    }

    @Override
    public String action() {
      return "delete flow " + expected.id() + " at version " + expected.version();
    }
  }
}
