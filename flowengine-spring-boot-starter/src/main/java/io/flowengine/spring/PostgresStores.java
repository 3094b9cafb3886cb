package io.flowengine.spring;

import io.flowengine.postgres.PostgresStorage;
import io.flowengine.spi.CommitListener;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** Opens the PostgreSQL store; loaded only when {@code flowengine.storage.kind} is postgres. */
final class PostgresStores {
  private PostgresStores() {}

  /** Opens it at the configured URL or, without one, on {@code dataSource}. */
  static PostgresStorage open(
      PostgresProperties postgres, @Nullable DataSource dataSource, CommitListener listener) {
    PostgresStorage.Builder builder = PostgresStorage.builder().commitListener(listener);
    String url = postgres.url();
    if (url != null) {
      builder.url(url);
      String user = postgres.username();
      if (user != null) {
        String password = postgres.password();
        builder.credentials(user, password == null ? "" : password);
      }
      Integer poolSize = postgres.poolSize();
      if (poolSize != null) {
        builder.poolSize(poolSize);
      }
    } else if (dataSource != null) {
      builder.dataSource(dataSource);
    }
    if (postgres.cluster()) {
      builder.cluster();
    }
    return builder.open();
  }
}
