package io.flowengine.spring;

import org.jspecify.annotations.Nullable;

/**
 * {@code flowengine.storage.postgres.*}: the PostgreSQL store's settings. Without a URL the store
 * borrows connections from the application's {@code DataSource} bean. Immutable and thread-safe.
 *
 * @param url the JDBC URL of the database (jdbc:postgresql://host:5432/name); when not set, the
 *     store uses the application's DataSource
 * @param username the user to connect as, with the URL
 * @param password the user's password, with the URL
 * @param poolSize how many connections the store's own pool holds at most, with the URL (the
 *     store's default, 10, when not set)
 * @param cluster whether several engines share the database as a cluster: each claims started flows
 *     for its free slots and takes over the flows of a node whose lease ended
 */
public record PostgresProperties(
    @Nullable String url,
    @Nullable String username,
    @Nullable String password,
    @Nullable Integer poolSize,
    boolean cluster) {
  private static final String PREFIX = FlowEngineProperties.PREFIX + ".storage.postgres.";

  /**
   * Checks the settings combine.
   *
   * @throws IllegalArgumentException if a username, password or pool size is set without a URL, or
   *     the pool size is not between 1 and 1000
   */
  public PostgresProperties {
    if (url == null && (username != null || password != null || poolSize != null)) {
      throw new IllegalArgumentException(
          PREFIX
              + "username, password and pool-size apply to "
              + PREFIX
              + "url; without a url the store uses the application's DataSource");
    }
    if (poolSize != null && (poolSize < 1 || poolSize > 1000)) {
      throw new IllegalArgumentException(
          PREFIX + "pool-size must be between 1 and 1000: " + poolSize);
    }
  }

  @Override
  public String toString() {
    return "PostgresProperties[url="
        + url
        + ", username="
        + username
        + ", password="
        + (password == null ? null : "****")
        + ", poolSize="
        + poolSize
        + ", cluster="
        + cluster
        + "]";
  }
}
