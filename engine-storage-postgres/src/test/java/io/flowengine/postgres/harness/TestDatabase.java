package io.flowengine.postgres.harness;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A database of its own for one test class, on the JVM's {@link PostgresServer}; {@link
 * #newSchema()} gives each test a fresh, empty schema in it. Thread-safe.
 */
public final class TestDatabase {
  private final PostgresServer server;
  private final String name;
  private final AtomicInteger schemas = new AtomicInteger();

  TestDatabase(PostgresServer server, String name) {
    this.server = server;
    this.name = name;
  }

  /** Returns the database's name. */
  public String name() {
    return name;
  }

  /** Returns the server. */
  public PostgresServer server() {
    return server;
  }

  /** Returns the JDBC URL of this database. */
  public String url() {
    return server.url(name);
  }

  /** Returns the user to connect as, or null for the driver's default. */
  public @Nullable String user() {
    return server.user();
  }

  /** Returns the password, or null. */
  public @Nullable String password() {
    return server.password();
  }

  /** Connects to this database. */
  public Connection connect() throws SQLException {
    return server.connect(name);
  }

  /**
   * Creates a new, empty schema and returns a JDBC URL whose connections use it ({@code
   * currentSchema}), so a storage opened on it starts from nothing.
   */
  public String newSchema() throws SQLException {
    String schema = "t" + schemas.incrementAndGet();
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    String url = url();
    return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  @Override
  public String toString() {
    return "database " + name + " at " + url();
  }
}
