package io.flowengine.postgres;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Maps {@link FlowRecord}s to rows of {@code flowengine_flows} and back. Reading checks every
 * value, so a damaged or hand-edited row is reported as corrupt (naming the flow) instead of
 * becoming a wrong record. Stateless.
 */
final class FlowRows {
  /** The table. */
  static final String TABLE = "flowengine_flows";

  /** Every column a record holds, in the order {@link #read} expects. */
  static final String COLUMNS =
      "id, account_id, template_id, template_name, state, progress, parameters, additional, "
          + "input_ids, created_us, started_us, finished_us, error, timeout, version, "
          + "attempt, last_error, not_before_us, idempotency_key, request_digest, history, "
          + "history_dropped";

  /** How many columns {@link #COLUMNS} names. */
  static final int COUNT = 22;

  /** {@code column = ?} for every column but the id, in the order {@link #bindValues} binds. */
  static final String SET_VALUES =
      java.util.Arrays.stream(COLUMNS.split(", "))
          .skip(1)
          .map(column -> column + " = ?")
          .collect(java.util.stream.Collectors.joining(", "));

  private FlowRows() {}

  /**
   * Binds every column but the id, starting at parameter {@code first}: {@code COUNT - 1}
   * parameters, in the order of {@link #COLUMNS}.
   */
  static void bindValues(PreparedStatement statement, int first, FlowRecord record)
      throws SQLException {
    String field = "flow " + record.id() + " ";
    int i = first;
    statement.setString(i++, record.accountId());
    statement.setString(i++, record.templateId());
    statement.setString(i++, record.templateName());
    statement.setShort(i++, (short) record.state().ordinal());
    statement.setDouble(i++, record.progress());
    statement.setBytes(i++, ParameterCodec.encode(record.parameters()));
    statement.setString(i++, record.additional());
    statement.setArray(
        i++, statement.getConnection().createArrayOf("text", record.inputIds().toArray()));
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

  /**
   * Checks, before anything is sent, that every time of {@code record} can be stored exactly.
   *
   * @throws IllegalArgumentException if a time is finer than a microsecond or out of range
   */
  static void checkTimes(FlowRecord record) {
    String field = "flow " + record.id() + " ";
    EpochMicros.of(record.createdAt(), field + "createdAt");
    EpochMicros.ofNullable(record.startedAt(), field + "startedAt");
    EpochMicros.ofNullable(record.finishedAt(), field + "finishedAt");
    EpochMicros.ofNullable(record.notBefore(), field + "notBefore");
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
   * Reads the current row, selected with {@link #COLUMNS} first.
   *
   * @throws io.flowengine.StorageException if the row does not hold a valid flow
   */
  static FlowRecord read(ResultSet row, PostgresFailures failures) throws SQLException {
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

  private static @Nullable Instant nullableTime(ResultSet row, int column) throws SQLException {
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
  static List<FlowRecord> readAll(ResultSet rows, PostgresFailures failures) throws SQLException {
    List<FlowRecord> records = new ArrayList<>();
    while (rows.next()) {
      records.add(read(rows, failures));
    }
    return records;
  }
}
