package io.flowengine.postgres;

import java.util.Properties;

/**
 * The words that name a PostgreSQL database in messages, taken from its JDBC URL without the URL's
 * parameters, which may hold a password. Stateless and thread-safe.
 */
final class PostgresUrls {
  private PostgresUrls() {}

  /** "PostgreSQL database NAME at HOST:PORT", from a JDBC URL, without its parameters. */
  static String describe(String jdbcUrl) {
    Properties parsed = org.postgresql.Driver.parseURL(jdbcUrl, null);
    if (parsed == null) {
      return "PostgreSQL database " + redacted(jdbcUrl);
    }
    String hosts = parsed.getProperty("PGHOST", "localhost");
    String ports = parsed.getProperty("PGPORT", "5432");
    return "PostgreSQL database "
        + parsed.getProperty("PGDBNAME", "?")
        + " at "
        + (hosts.contains(",") ? hosts + " (ports " + ports + ")" : hosts + ":" + ports);
  }

  /** The URL without its parameters, which may hold a password. */
  static String redacted(String jdbcUrl) {
    int query = jdbcUrl.indexOf('?');
    return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query) + "?...";
  }
}
