package io.flowengine.postgres.harness;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The PostgreSQL server of a test JVM: the one {@code FLOWENGINE_POSTGRES_URL} names (a JDBC URL of
 * a database whose user may create databases; {@code FLOWENGINE_POSTGRES_USER} and {@code
 * FLOWENGINE_POSTGRES_PASSWORD} if the URL does not carry them), or else a {@link ThrowawayCluster}
 * started for the JVM. Each test class gets a database of its own ({@link #createDatabase}).
 * Thread-safe.
 */
public final class PostgresServer implements AutoCloseable {
  /** The environment variable naming an existing server to use instead of a throwaway one. */
  public static final String URL_VARIABLE = "FLOWENGINE_POSTGRES_URL";

  private static final Pattern URL =
      Pattern.compile("(jdbc:postgresql://[^/?]*)(?:/([^?]*))?(\\?.*)?");

  private final @Nullable ThrowawayCluster cluster;
  private final String prefix;
  private final @Nullable String query;
  private final String adminDatabase;
  private final @Nullable String user;
  private final @Nullable String password;
  private final AtomicInteger databases = new AtomicInteger();

  private PostgresServer(
      @Nullable ThrowawayCluster cluster,
      String url,
      @Nullable String user,
      @Nullable String password) {
    Matcher m = URL.matcher(url);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + url);
    }
    this.cluster = cluster;
    this.prefix = m.group(1);
    this.adminDatabase = m.group(2) == null || m.group(2).isEmpty() ? "postgres" : m.group(2);
    this.query = m.group(3);
    this.user = user;
    this.password = password;
  }

  /**
   * Connects to the server {@code FLOWENGINE_POSTGRES_URL} names, or starts a throwaway one.
   *
   * @param why filled in with the reason when no server can be had
   * @return the server, or empty (with {@code why} filled in) where there is none
   */
  public static Optional<PostgresServer> startOrConnect(StringBuilder why) {
    String url = System.getenv(URL_VARIABLE);
    if (url != null && !url.isBlank()) {
      PostgresServer server =
          new PostgresServer(
              null,
              url.strip(),
              System.getenv("FLOWENGINE_POSTGRES_USER"),
              System.getenv("FLOWENGINE_POSTGRES_PASSWORD"));
      try (Connection c = server.connect(server.adminDatabase)) {
        return c.isValid(10) ? Optional.of(server) : Optional.empty();
      } catch (SQLException e) {
        why.append(URL_VARIABLE).append(" is set, but connecting to it failed: ").append(e);
        return Optional.empty();
      }
    }
    Optional<PostgresBinaries> binaries = PostgresBinaries.find(why);
    if (binaries.isEmpty()) {
      why.insert(0, "no PostgreSQL server programs found (").append(") and ");
      why.append(URL_VARIABLE).append(" is not set");
      return Optional.empty();
    }
    try {
      long start = System.nanoTime();
      ThrowawayCluster cluster = ThrowawayCluster.start(binaries.get());
      System.out.printf(
          "throwaway PostgreSQL from %s on 127.0.0.1:%d in %s, started in %d ms%n",
          binaries.get().directory(),
          cluster.port(),
          cluster.root(),
          (System.nanoTime() - start) / 1_000_000);
      return Optional.of(
          new PostgresServer(cluster, cluster.url("postgres"), ThrowawayCluster.USER, null));
    } catch (IOException e) {
      why.append("starting a throwaway PostgreSQL from ")
          .append(binaries.get().directory())
          .append(" failed: ")
          .append(e.getMessage());
      return Optional.empty();
    }
  }

  /** Returns the JDBC URL of {@code database} on this server. */
  public String url(String database) {
    return prefix + "/" + database + (query == null ? "" : query);
  }

  /** Returns the user to connect as, or null if the URL or the driver's defaults name it. */
  public @Nullable String user() {
    return user;
  }

  /** Returns the password, or null. */
  public @Nullable String password() {
    return password;
  }

  /** Returns the throwaway cluster, or empty if the server is an existing one. */
  public Optional<ThrowawayCluster> cluster() {
    return Optional.ofNullable(cluster);
  }

  /** Connects to {@code database}. */
  public Connection connect(String database) throws SQLException {
    java.util.Properties properties = new java.util.Properties();
    if (user != null) {
      properties.setProperty("user", user);
    }
    if (password != null) {
      properties.setProperty("password", password);
    }
    return DriverManager.getConnection(url(database), properties);
  }

  /**
   * Creates a new, empty database named after {@code owner} and returns it.
   *
   * @throws SQLException if the server refuses
   */
  public TestDatabase createDatabase(String owner) throws SQLException {
    String name =
        ("fe_" + owner.replaceAll("[^A-Za-z0-9]", "_") + "_" + databases.incrementAndGet())
            .toLowerCase(Locale.ROOT);
    if (name.length() > 63) {
      name = name.substring(name.length() - 63);
    }
    try (Connection c = connect(adminDatabase);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return new TestDatabase(this, name);
  }

  /**
   * Drops a database made by {@link #createDatabase}, disconnecting whoever still uses it.
   *
   * @throws SQLException if the server refuses
   */
  public void dropDatabase(String name) throws SQLException {
    try (Connection c = connect(adminDatabase);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }

  /** Stops a throwaway server and deletes its files; leaves an existing server alone. */
  @Override
  public void close() throws IOException {
    if (cluster != null) {
      cluster.stop();
    }
  }
}
