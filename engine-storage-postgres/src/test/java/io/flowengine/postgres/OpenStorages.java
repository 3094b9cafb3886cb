package io.flowengine.postgres;

import io.flowengine.postgres.harness.TestDatabase;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Storages a test opened, each on a fresh schema, closed together at its end. Not thread-safe. */
final class OpenStorages implements AutoCloseable {
  private final TestDatabase database;
  private final List<PostgresStorage> opened = new ArrayList<>();

  OpenStorages(TestDatabase database) {
    this.database = database;
  }

  /** Opens a storage on a new, empty schema of the test's database, with a small pool. */
  PostgresStorage openFresh() {
    try {
      return open(builder(database.newSchema()).poolSize(4));
    } catch (SQLException e) {
      throw new IllegalStateException("could not create a schema in " + database, e);
    }
  }

  /** Returns a builder for {@code url} with the database's credentials. */
  PostgresStorage.Builder builder(String url) {
    PostgresStorage.Builder builder = PostgresStorage.builder().url(url);
    if (database.user() != null) {
      builder.credentials(database.user(), database.password() == null ? "" : database.password());
    }
    return builder;
  }

  /** Opens {@code builder}'s storage and remembers it. */
  PostgresStorage open(PostgresStorage.Builder builder) {
    PostgresStorage storage = builder.open();
    opened.add(storage);
    return storage;
  }

  @Override
  public void close() {
    opened.forEach(PostgresStorage::close);
    opened.clear();
  }
}
