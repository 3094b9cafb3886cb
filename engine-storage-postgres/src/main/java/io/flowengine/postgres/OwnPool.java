package io.flowengine.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Makes the HikariCP connection pool of a {@link PostgresStorage} opened with a URL, over the
 * driver's own data source, which names its connections {@code flowengine NODE} (the {@code
 * application_name} by which the change listener tells this node's changes from the others') unless
 * the URL names them. The pool connects lazily: opening the storage connects through the driver
 * itself and reports its failure. Stateless and thread-safe.
 */
final class OwnPool {
  private OwnPool() {}

  /**
   * Returns a new pool of at most {@code size} connections to {@code jdbcUrl}.
   *
   * @param user the user to connect as; null for the URL's or the driver's default
   * @param password the user's password; used only with a user
   */
  static HikariDataSource open(
      String jdbcUrl, @Nullable String user, @Nullable String password, int size, String node) {
    PGSimpleDataSource driver = new PGSimpleDataSource();
    driver.setURL(jdbcUrl);
    if (user != null) {
      driver.setUser(user);
      driver.setPassword(password);
    }
    if (driver.getApplicationName() == null
        || driver.getApplicationName().equals("PostgreSQL JDBC Driver")) {
      driver.setApplicationName("flowengine " + node);
    }
    HikariConfig config = new HikariConfig();
    config.setDataSource(driver);
    config.setPoolName("flowengine-" + node);
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(Math.min(2, size));
    config.setConnectionTimeout(10_000);
    config.setInitializationFailTimeout(-1); // open() connects itself and reports the failure
    return new HikariDataSource(config);
  }
}
