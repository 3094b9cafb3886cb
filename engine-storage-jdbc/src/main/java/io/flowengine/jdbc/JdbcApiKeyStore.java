package io.flowengine.jdbc;

import io.flowengine.spi.ApiKeyRecord;
import io.flowengine.spi.ApiKeyStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An {@link ApiKeyStore} on a SQL table of API keys, the same on every database the SQL stores
 * support: hashes only, never secrets. Each call is one auto-committed statement. Thread-safe.
 *
 * <p>The table has the columns {@code id, account_id, name, secret_hash, created_us, expires_us,
 * last_used_us, revoked_us} (times in microseconds since the epoch, the last two nullable), with
 * {@code id} its primary key.
 */
public final class JdbcApiKeyStore implements ApiKeyStore {
  private static final String COLUMNS =
      "id, account_id, name, secret_hash, created_us, expires_us, last_used_us, revoked_us";

  private final String table;
  private final SqlConnections pool;
  private final SqlFailures failures;

  /**
   * Creates a store on {@code table}, an unquoted SQL name.
   *
   * @throws IllegalArgumentException if {@code table} is not a plain SQL name
   */
  public JdbcApiKeyStore(String table, SqlConnections pool, SqlFailures failures) {
    if (!table.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("not a plain SQL table name: " + table);
    }
    this.table = table;
    this.pool = pool;
    this.failures = failures;
  }

  @Override
  public void insert(ApiKeyRecord key) {
    String field = "API key " + key.id() + " ";
    long created = EpochMicros.of(key.createdAt(), field + "createdAt");
    long expires = EpochMicros.of(key.expiresAt(), field + "expiresAt");
    Long lastUsed = EpochMicros.ofNullable(key.lastUsedAt(), field + "lastUsedAt");
    Long revoked = EpochMicros.ofNullable(key.revokedAt(), field + "revokedAt");
    try {
      pool.call(
          c -> {
            try (PreparedStatement insert =
                c.prepareStatement(
                    "INSERT INTO "
                        + table
                        + " ("
                        + COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
              insert.setString(1, key.id());
              insert.setString(2, key.accountId());
              insert.setString(3, key.name());
              insert.setString(4, key.secretHash());
              insert.setLong(5, created);
              insert.setLong(6, expires);
              insert.setObject(7, lastUsed, Types.BIGINT);
              insert.setObject(8, revoked, Types.BIGINT);
              return insert.executeUpdate();
            }
          });
    } catch (SQLException e) {
      if (failures.isDuplicateKey(e)) {
        throw new IllegalStateException("API key " + key.id() + " already exists", e);
      }
      throw failures.of("insert API key " + key.id(), e);
    }
  }

  @Override
  public Optional<ApiKeyRecord> find(String keyId) {
    List<ApiKeyRecord> found = select("WHERE id = ?", keyId, "read API key " + keyId);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
  }

  @Override
  public List<ApiKeyRecord> list(String accountId) {
    return select(
        "WHERE account_id = ? ORDER BY account_id, created_us, id",
        accountId,
        "list the API keys of account " + accountId);
  }

  @Override
  public boolean revoke(String keyId, Instant revokedAt) {
    long micros = EpochMicros.of(revokedAt, "revokedAt");
    return update(
            "UPDATE " + table + " SET revoked_us = ? WHERE id = ? AND revoked_us IS NULL",
            micros,
            keyId,
            "revoke API key " + keyId)
        == 1;
  }

  @Override
  public void recordUse(String keyId, Instant usedAt) {
    update(
        "UPDATE " + table + " SET last_used_us = ? WHERE id = ?",
        EpochMicros.of(usedAt, "usedAt"),
        keyId,
        "record the use of API key " + keyId);
  }

  private int update(String sql, long micros, String keyId, String action) {
    try {
      return pool.call(
          c -> {
            try (PreparedStatement update = c.prepareStatement(sql)) {
              update.setLong(1, micros);
              update.setString(2, keyId);
              return update.executeUpdate();
            }
          });
    } catch (SQLException e) {
      throw failures.of(action, e);
    }
  }

  private List<ApiKeyRecord> select(String where, String parameter, String action) {
    try {
      return pool.call(
          c -> {
            try (PreparedStatement select =
                c.prepareStatement("SELECT " + COLUMNS + " FROM " + table + " " + where)) {
              select.setString(1, parameter);
              try (ResultSet rows = select.executeQuery()) {
                List<ApiKeyRecord> keys = new ArrayList<>();
                while (rows.next()) {
                  keys.add(read(rows));
                }
                return keys;
              }
            }
          });
    } catch (SQLException e) {
      throw failures.of(action, e);
    }
  }

  private ApiKeyRecord read(ResultSet row) throws SQLException {
    String id = row.getString(1);
    try {
      return new ApiKeyRecord(
          id,
          row.getString(2),
          row.getString(3),
          row.getString(4),
          EpochMicros.toInstant(row.getLong(5)),
          EpochMicros.toInstant(row.getLong(6)),
          time(row, 7),
          time(row, 8));
    } catch (RuntimeException e) {
      throw failures.corrupt("the row of API key " + id, e);
    }
  }

  private static @Nullable Instant time(ResultSet row, int column) throws SQLException {
    long micros = row.getLong(column);
    return row.wasNull() ? null : EpochMicros.toInstant(micros);
  }
}
