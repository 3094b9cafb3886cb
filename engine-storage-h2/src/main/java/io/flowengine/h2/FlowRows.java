package io.flowengine.h2;

import io.flowengine.FlowState;
import io.flowengine.jdbc.EpochMicros;
import io.flowengine.jdbc.FlowExtras;
import io.flowengine.jdbc.ParameterCodec;
import io.flowengine.spi.FlowRecord;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Maps {@link FlowRecord}s to rows of {@code FLOWS} and back. Reading checks every value, so a
 * damaged or hand-edited row is reported as corrupt (naming the flow) instead of becoming a wrong
 * record. Stateless.
 */
final class FlowRows {
  /** Every column, in the order {@link #read} expects. */
  static final String COLUMNS =
      "ID, ACCOUNT_ID, TEMPLATE_ID, TEMPLATE_NAME, STATE, PROGRESS, "
          + "PARAMETERS, ADDITIONAL, INPUT_IDS, CREATED_US, STARTED_US, FINISHED_US, ERROR, TIMEOUT, VERSION, "
          + "ATTEMPT, LAST_ERROR, NOT_BEFORE_US, IDEMPOTENCY_KEY, REQUEST_DIGEST, HISTORY, HISTORY_DROPPED";

  /** How many columns there are. */
  private static final int COUNT = 22;

  static final String INSERT =
      "INSERT INTO FLOWS (" + COLUMNS + ") VALUES (?" + ", ?".repeat(COUNT - 1) + ")";

  /** Replaces every column but the id; the last two parameters are the id and expected version. */
  static final String COMPARE_AND_SET =
      "UPDATE FLOWS SET ACCOUNT_ID = ?, TEMPLATE_ID = ?, "
          + "TEMPLATE_NAME = ?, STATE = ?, PROGRESS = ?, PARAMETERS = ?, ADDITIONAL = ?, INPUT_IDS = ?, "
          + "CREATED_US = ?, STARTED_US = ?, FINISHED_US = ?, ERROR = ?, TIMEOUT = ?, VERSION = ?, "
          + "ATTEMPT = ?, LAST_ERROR = ?, NOT_BEFORE_US = ?, IDEMPOTENCY_KEY = ?, REQUEST_DIGEST = ?, "
          + "HISTORY = ?, HISTORY_DROPPED = ? "
          + "WHERE ID = ? AND VERSION = ?";

  private FlowRows() {}

  /** Binds {@link #INSERT}'s parameters. */
  static void bindInsert(PreparedStatement insert, FlowRecord record) throws SQLException {
    insert.setString(1, record.id());
    bindValues(insert, 2, record);
  }

  /** Binds {@link #COMPARE_AND_SET}'s parameters. */
  static void bindCompareAndSet(PreparedStatement update, FlowRecord expected, FlowRecord next)
      throws SQLException {
    bindValues(update, 1, next);
    update.setString(COUNT, expected.id());
    update.setLong(COUNT + 1, expected.version());
  }

  /** Binds every column but the id, starting at parameter {@code first}. */
  private static void bindValues(PreparedStatement statement, int first, FlowRecord record)
      throws SQLException {
    String field = "flow " + record.id() + " ";
    int i = first;
    statement.setString(i++, record.accountId());
    statement.setString(i++, record.templateId());
    statement.setString(i++, record.templateName());
    statement.setInt(i++, record.state().ordinal());
    statement.setDouble(i++, record.progress());
    statement.setBytes(i++, ParameterCodec.encode(record.parameters()));
    statement.setString(i++, record.additional());
    statement.setObject(i++, record.inputIds().toArray(new String[0]), Types.ARRAY);
    statement.setLong(i++, EpochMicros.of(record.createdAt(), field + "createdAt"));
    setNullableLong(
        statement, i++, EpochMicros.ofNullable(record.startedAt(), field + "startedAt"));
    setNullableLong(
        statement, i++, EpochMicros.ofNullable(record.finishedAt(), field + "finishedAt"));
    statement.setString(i++, record.error());
    statement.setString(i++, record.timeout() == null ? null : record.timeout().toString());
    statement.setLong(i++, record.version());
    statement.setInt(i++, record.attempt());
    statement.setString(i++, record.lastError());
    setNullableLong(
        statement, i++, EpochMicros.ofNullable(record.notBefore(), field + "notBefore"));
    statement.setString(i++, FlowExtras.scopedKey(record.accountId(), record.idempotencyKey()));
    statement.setString(i++, record.requestDigest());
    statement.setString(i++, FlowExtras.encodeHistory(record.history(), record.id()));
    statement.setLong(i, record.history().dropped());
  }

  private static void setNullableLong(PreparedStatement statement, int index, @Nullable Long value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.BIGINT);
    } else {
      statement.setLong(index, value);
    }
  }

  /**
   * Reads the current row, selected with {@link #COLUMNS}.
   *
   * @throws io.flowengine.StorageException if the row does not hold a valid flow
   */
  static FlowRecord read(ResultSet row, StorageFailures failures) throws SQLException {
    String id = row.getString(1);
    try {
      int state = row.getInt(5);
      if (state < 0 || state >= FlowState.values().length) {
        throw new IllegalArgumentException("unknown state rank " + state);
      }
      String timeout = row.getString(14);
      return new FlowRecord(
          id,
          row.getString(2),
          row.getString(3),
          row.getString(4),
          FlowState.values()[state],
          row.getDouble(6),
          ParameterCodec.decode(row.getBytes(7)),
          row.getString(8),
          inputIds(row.getArray(9)),
          EpochMicros.toInstant(row.getLong(10)),
          nullableTime(row, 11),
          nullableTime(row, 12),
          row.getString(13),
          timeout == null ? null : Duration.parse(timeout),
          row.getLong(15),
          row.getInt(16),
          row.getString(17),
          nullableTime(row, 18),
          FlowExtras.keyOf(row.getString(19)),
          row.getString(20),
          FlowExtras.decodeHistory(row.getString(21), row.getLong(22)));
    } catch (RuntimeException e) {
      throw failures.corrupt("the row of flow " + id, e);
    }
  }

  private static java.time.@Nullable Instant nullableTime(ResultSet row, int column)
      throws SQLException {
    long micros = row.getLong(column);
    return row.wasNull() ? null : EpochMicros.toInstant(micros);
  }

  private static List<String> inputIds(Array array) throws SQLException {
    Object[] values = (Object[]) array.getArray();
    List<String> ids = new ArrayList<>(values.length);
    for (Object value : values) {
      ids.add((String) value);
    }
    return ids;
  }

  /** Reads every row of {@code rows}. */
  static List<FlowRecord> readAll(ResultSet rows, StorageFailures failures) throws SQLException {
    List<FlowRecord> records = new ArrayList<>();
    while (rows.next()) {
      records.add(read(rows, failures));
    }
    return records;
  }
}
