package io.flowengine.postgres;

import io.flowengine.postgres.harness.PostgresServer;
import io.flowengine.postgres.harness.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The PostgreSQL server of a benchmark JVM (one JMH fork): the one {@code FLOWENGINE_POSTGRES_URL}
 * names, or a throwaway PostgreSQL started on first use and stopped when the JVM exits. Each trial
 * takes a fresh database ({@link #newDatabase}) and drops it at its end ({@link #drop}).
 * Thread-safe.
 */
final class BenchPostgres {
  private static @Nullable PostgresServer server;

  private BenchPostgres() {}

  /**
   * Creates a new, empty database for one trial of {@code owner}.
   *
   * @throws IllegalStateException if no PostgreSQL server can be had (the reason in the message)
   */
  static synchronized TestDatabase newDatabase(String owner) throws SQLException {
    if (server == null) {
      StringBuilder why = new StringBuilder();
      PostgresServer started =
          PostgresServer.startOrConnect(why)
              .orElseThrow(() -> new IllegalStateException("no PostgreSQL for benchmarks: " + why));
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(started)));
      server = started;
    }
    return server.createDatabase(owner);
  }

  /** Drops a database made by {@link #newDatabase}. */
  static void drop(TestDatabase database) throws SQLException {
    database.server().dropDatabase(database.name());
  }

  /**
   * Opens a storage on {@code database}: node {@code nodeId}, in cluster mode if {@code cluster}.
   */
  static PostgresStorage storage(TestDatabase database, String nodeId, boolean cluster) {
    PostgresStorage.Builder builder = PostgresStorage.builder().url(url(database)).nodeId(nodeId);
    String user = database.user();
    String password = database.password();
    if (user != null && password != null) {
      builder.credentials(user, password);
    }
    if (cluster) {
      builder.lease(Duration.ofSeconds(5)).cluster();
    }
    return builder.open();
  }

  /** Connects to {@code database} with plain JDBC, outside any pool. */
  static Connection connect(TestDatabase database) throws SQLException {
    return database.connect();
  }

  // The throwaway server trusts its user without a password, which credentials(...) refuses:
  // the user then goes into the URL.
  private static String url(TestDatabase database) {
    String url = database.url();
    String user = database.user();
    if (user == null || database.password() != null) {
      return url;
    }
    return url + (url.contains("?") ? "&" : "?") + "user=" + user;
  }

  private static void stop(PostgresServer started) {
    try {
      started.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
