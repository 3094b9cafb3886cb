package io.flowengine.spring;

import io.flowengine.spi.CommitListener;
import io.flowengine.spi.EngineStorage;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.util.ClassUtils;

/**
 * Opens the storage {@code flowengine.storage.*} describes. The H2 and PostgreSQL stores are
 * optional dependencies, so each is opened by a class of its own ({@link H2Stores}, {@link
 * PostgresStores}) that the JVM loads only when that kind is chosen.
 */
final class EngineStorages {
  private EngineStorages() {}

  /**
   * Opens the storage.
   *
   * @param dataSource the application's DataSource, if it has exactly one
   * @param listeners the commit listeners of the context, all told of every commit
   * @param classLoader the application's class loader, where the optional stores are looked for
   * @throws IllegalStateException if the chosen store is not on the class path, or postgres has
   *     neither a URL nor a DataSource
   * @throws io.flowengine.StorageException if the store cannot be opened
   */
  static EngineStorage open(
      StorageProperties storage,
      @Nullable DataSource dataSource,
      List<CommitListener> listeners,
      @Nullable ClassLoader classLoader) {
    CommitListener listener = all(listeners);
    return switch (storage.kind()) {
      case MEMORY -> EngineStorage.inMemory();
      case H2 -> {
        requireOnClassPath("io.flowengine.h2.H2Storage", "h2", "engine-storage-h2", classLoader);
        yield H2Stores.open(storage.h2(), listener);
      }
      case POSTGRES -> {
        requireOnClassPath(
            "io.flowengine.postgres.PostgresStorage",
            "postgres",
            "engine-storage-postgres",
            classLoader);
        if (storage.postgres().url() == null && dataSource == null) {
          throw new IllegalStateException(
              FlowEngineProperties.PREFIX
                  + ".storage.postgres.url is not set and the application has no single"
                  + " DataSource bean: set the url, or define the DataSource"
                  + " (spring.datasource.url)");
        }
        yield PostgresStores.open(storage.postgres(), dataSource, listener);
      }
    };
  }

  private static CommitListener all(List<CommitListener> listeners) {
    if (listeners.size() == 1) {
      return listeners.getFirst();
    }
    List<CommitListener> copy = List.copyOf(listeners);
    return (changes, statements, nanos) -> {
      for (CommitListener each : copy) {
        each.committed(changes, statements, nanos);
      }
    };
  }

  private static void requireOnClassPath(
      String className, String kind, String artifact, @Nullable ClassLoader classLoader) {
    if (!ClassUtils.isPresent(className, classLoader)) {
      throw new IllegalStateException(
          FlowEngineProperties.PREFIX
              + ".storage.kind is "
              + kind
              + " but io.flowengine:"
              + artifact
              + " is not on the class path: add the dependency");
    }
  }
}
