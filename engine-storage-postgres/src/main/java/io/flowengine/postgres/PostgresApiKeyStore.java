package io.flowengine.postgres;

import io.flowengine.jdbc.EpochMicros;
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
 * An {@link ApiKeyStore} on the {@code flowengine_api_keys} table: hashes only, never secrets. Each
 * call is one auto-committed statement. Thread-safe.
 */
final class PostgresApiKeyStore implements ApiKeyStore {
  private static final String COLUMNS =
      "id, account_id, name, secret_hash, created_us, expires_us, last_used_us, revoked_us";

  private final Connections connections;
  private final PostgresFailures failures;

  PostgresApiKeyStore(Connections connections) {
    this.connections = connections;
    this.failures = connections.failures();
  }

  @Override
  public void insert(ApiKeyRecord key) {
    String field = "API key " + key.id() + " ";
    long created = EpochMicros.of(key.createdAt(), field + "createdAt");
    long expires = EpochMicros.of(key.expiresAt(), field + "expiresAt");
    Long lastUsed = EpochMicros.ofNullable(key.lastUsedAt(), field + "lastUsedAt");
    Long revoked = EpochMicros.ofNullable(key.revokedAt(), field + "revokedAt");
    try {
      connections.call(
          c -> {
            try (PreparedStatement insert =
                c.prepareStatement(
                    "INSERT INTO flowengine_api_keys ("
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
      if (PostgresFailures.isDuplicate(e)) {
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
        "WHERE account_id = ? ORDER BY created_us, id",
        accountId,
        "list the API keys of account " + accountId);
  }

  @Override
  public boolean revoke(String keyId, Instant revokedAt) {
    long micros = EpochMicros.of(revokedAt, "revokedAt");
    return update(
            "UPDATE flowengine_api_keys SET revoked_us = ? WHERE id = ? AND revoked_us IS NULL",
            micros,
            keyId,
            "revoke API key " + keyId)
        == 1;
  }

  @Override
  public void recordUse(String keyId, Instant usedAt) {
    update(
        "UPDATE flowengine_api_keys SET last_used_us = ? WHERE id = ?",
        EpochMicros.of(usedAt, "usedAt"),
        keyId,
        "record the use of API key " + keyId);
  }

  private int update(String sql, long micros, String keyId, String action) {
    try {
      return connections.call(
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
      return connections.call(
          c -> {
            try (PreparedStatement select =
                c.prepareStatement("SELECT " + COLUMNS + " FROM flowengine_api_keys " + where)) {
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
