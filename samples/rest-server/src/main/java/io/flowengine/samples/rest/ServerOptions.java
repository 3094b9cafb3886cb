package io.flowengine.samples.rest;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The command line of {@link RestServerMain}.
 *
 * @param port the port, 0 for a free one (default 8080)
 * @param dataDirectory where the engine keeps flows, assets and API keys
 * @param bind the address to listen on (default 127.0.0.1: this machine only)
 * @param maxUploadBytes the largest input asset, decoded (default 16 MiB); the request body limit
 *     follows from it
 * @param newKey whether to create a new API key even if one exists
 * @param help whether to print the usage and exit
 * @param postgres the PostgreSQL database to keep everything in instead of the data directory, as
 *     one node of a cluster of servers sharing it; empty for H2 in the data directory
 */
record ServerOptions(
    int port,
    Path dataDirectory,
    String bind,
    long maxUploadBytes,
    boolean newKey,
    boolean help,
    Optional<Postgres> postgres) {

  /** The environment variable a PostgreSQL password may come from instead of the command line. */
  static final String PASSWORD_VARIABLE = "FLOWENGINE_POSTGRES_PASSWORD";

  /**
   * Where a server keeps its data in PostgreSQL.
   *
   * @param url the JDBC URL ({@code jdbc:postgresql://host:port/database}, driver parameters
   *     allowed)
   * @param user the user, or null for the URL's or the driver's
   * @param password the password, or null for the URL's or none
   * @param nodeId this server's node id, or null for a generated one
   */
  record Postgres(
      String url, @Nullable String user, @Nullable String password, @Nullable String nodeId) {
    /** Shows the URL without its parameters (they may hold a password) and never the password. */
    @Override
    public String toString() {
      int query = url.indexOf('?');
      return "Postgres["
          + (query < 0 ? url : url.substring(0, query))
          + ", user "
          + user
          + ", node "
          + nodeId
          + "]";
    }
  }

  static final String USAGE =
      """
      usage: rest-server [--port N] [--data-dir DIR | --postgres JDBC_URL [--postgres-user USER]
                         [--postgres-password PASSWORD] [--node-id NAME]] [--bind ADDRESS]
                         [--max-upload-mib N] [--new-key]
        --port N                port to listen on; 0 picks a free one (default 8080)
        --data-dir DIR          where flows, assets and API keys are kept (default data/rest-server)
        --postgres JDBC_URL     keep them in this PostgreSQL database instead, shared by every
                                server started on it (cluster mode: each server is a node)
        --postgres-user USER    its user (default: the URL's or the driver's)
        --postgres-password PW  its password (default: $FLOWENGINE_POSTGRES_PASSWORD, else the
                                URL's); the variable keeps it out of the process list
        --node-id NAME          this server's name in the cluster (default: node- and random hex)
        --bind ADDRESS          address to listen on (default 127.0.0.1, this machine only)
        --max-upload-mib N      largest input asset in MiB, decoded (default 16)
        --new-key               print a new API key even if one exists
      """;

  private static final long MIB = 1L << 20;

  /** Returns the limit on a request body: an upload's base64 form plus room for JSON and data. */
  long maxBodyBytes() {
    return (maxUploadBytes + 2) / 3 * 4 + MIB;
  }

  /**
   * Parses {@code args}; {@code --flag value} and {@code --flag=value} both work.
   *
   * @throws IllegalArgumentException naming the flag that is unknown, missing its value or wrong
   */
  static ServerOptions parse(String... args) {
    return parse(System.getenv(), args);
  }

  /**
   * Parses {@code args} with {@code environment} as the process environment.
   *
   * @throws IllegalArgumentException naming the flag that is unknown, missing its value or wrong
   */
  static ServerOptions parse(Map<String, String> environment, String... args) {
    int port = 8080;
    Path dataDirectory = Path.of("data", "rest-server");
    String bind = "127.0.0.1";
    long maxUpload = 16 * MIB;
    boolean newKey = false;
    boolean help = false;
    boolean dataDirectorySet = false;
    String postgresUrl = null;
    String postgresUser = null;
    String postgresPassword = null;
    String nodeId = null;
    Deque<String> rest = new ArrayDeque<>();
    for (String arg : args) {
      int equals = arg.indexOf('=');
      if (arg.startsWith("--") && equals > 0) {
        rest.addAll(List.of(arg.substring(0, equals), arg.substring(equals + 1)));
      } else {
        rest.add(arg);
      }
    }
    while (!rest.isEmpty()) {
      String flag = rest.removeFirst();
      switch (flag) {
        case "--port" -> port = intValue(flag, rest, 0, 65_535);
        case "--data-dir" -> {
          dataDirectory = Path.of(value(flag, rest));
          dataDirectorySet = true;
        }
        case "--postgres" -> postgresUrl = value(flag, rest);
        case "--postgres-user" -> postgresUser = value(flag, rest);
        case "--postgres-password" -> postgresPassword = value(flag, rest);
        case "--node-id" -> nodeId = value(flag, rest);
        case "--bind" -> bind = value(flag, rest);
        case "--max-upload-mib" -> maxUpload = intValue(flag, rest, 1, 1024) * MIB;
        case "--new-key" -> newKey = true;
        case "--help", "-h" -> help = true;
        default -> throw new IllegalArgumentException("unknown argument: " + flag);
      }
    }
    Optional<Postgres> postgres = Optional.empty();
    if (postgresUrl != null) {
      if (dataDirectorySet) {
        throw new IllegalArgumentException("--data-dir and --postgres exclude each other");
      }
      if (!postgresUrl.startsWith("jdbc:postgresql:")) {
        throw new IllegalArgumentException(
            "--postgres must be a jdbc:postgresql: URL: " + postgresUrl);
      }
      if (postgresPassword == null) {
        postgresPassword = environment.get(PASSWORD_VARIABLE);
      }
      if (postgresPassword != null && postgresUser == null) {
        throw new IllegalArgumentException(
            "a PostgreSQL password (--postgres-password or $"
                + PASSWORD_VARIABLE
                + ") needs --postgres-user");
      }
      postgres = Optional.of(new Postgres(postgresUrl, postgresUser, postgresPassword, nodeId));
    } else if (postgresUser != null || postgresPassword != null || nodeId != null) {
      throw new IllegalArgumentException(
          "--postgres-user, --postgres-password and --node-id need --postgres");
    }
    return new ServerOptions(port, dataDirectory, bind, maxUpload, newKey, help, postgres);
  }

  private static String value(String flag, Deque<String> rest) {
    String value = rest.pollFirst();
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return value;
  }

  private static int intValue(String flag, Deque<String> rest, int min, int max) {
    String value = value(flag, rest);
    try {
      int parsed = Integer.parseInt(value);
      if (parsed < min || parsed > max) {
        throw new IllegalArgumentException(flag + " must be " + min + " to " + max + ": " + value);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " must be a number: " + value, e);
    }
  }
}
